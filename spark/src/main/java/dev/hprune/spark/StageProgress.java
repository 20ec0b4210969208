package dev.hprune.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress from Spark's own scheduler events, one line per event on stderr: a job starts (its description and task
 * count), a task ends (how many of the job's are done, where it ran, how long it took), a job ends. Spark's web UI
 * shows the same jobs under the same descriptions. Events arrive on Spark's listener thread.
 */
final class StageProgress extends SparkListener {
    private final PrintStream err;
    private final Map<Integer, Job> jobsByStage = new ConcurrentHashMap<>();
    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();

    StageProgress(PrintStream err) {
        this.err = err;
    }

    private static final class Job {
        final String description;
        final int tasks;
        final long started = System.nanoTime();
        int done;

        Job(String description, int tasks) {
            this.description = description;
            this.tasks = tasks;
        }
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        int tasks = 0;
        for (StageInfo stage : CollectionConverters.asJava(start.stageInfos())) {
            tasks += stage.numTasks();
        }
        String description = start.properties() == null ? null
                : start.properties().getProperty("spark.job.description");
        Job job = new Job(description == null ? "job " + start.jobId() : description, tasks);
        jobs.put(start.jobId(), job);
        for (Object stage : CollectionConverters.asJava(start.stageIds())) {
            jobsByStage.put((Integer) stage, job);
        }
        err.printf(Locale.ROOT, "spark: %s: %d tasks%n", job.description, tasks);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Job job = jobsByStage.get(end.stageId());
        TaskInfo task = end.taskInfo();
        if (job == null || task == null) {
            return;
        }
        int done;
        synchronized (job) {
            done = task.successful() ? ++job.done : job.done;
        }
        err.printf(Locale.ROOT, "spark: %s: %d/%d tasks done (task %d %s on executor %s, %.1f s)%n", job.description,
                done, job.tasks, task.index(), task.successful() ? "finished" : "failed", task.executorId(),
                task.duration() / 1e3);
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        Job job = jobs.remove(end.jobId());
        if (job == null) {
            return;
        }
        jobsByStage.values().removeIf(j -> j == job);
        err.printf(Locale.ROOT, "spark: %s: %s in %.1f s%n", job.description,
                JobSucceeded$.MODULE$.equals(end.jobResult()) ? "done" : "failed",
                (System.nanoTime() - job.started) / 1e9);
    }
}
