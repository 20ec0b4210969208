/*
 * Four C threads call operators at once, starting together so that even the JVM start is raced. Each thread works on
 * its own dict and image and on one dict shared by all; every result is checked. Prints "threads ok" and exits 0 when
 * all checks hold. Usage: threads_test [ITERATIONS]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "HalconC.h"

#define THREADS 4

static pthread_barrier_t start_together, shared_ready;
static Htuple shared_dict; /* created by main while the workers make their first calls */
static int iterations = 200;

typedef struct {
    int id;
    int failures;
    char first_failure[512];
} worker;

static void fail(worker *w, const char *what, Herror rc) {
    if (w->failures++ == 0) {
        snprintf(w->first_failure, sizeof w->first_failure, "thread %d: %s (rc %d: %s)", w->id, what, (int) rc,
                 hprune_last_error_text());
    }
}

static void *work(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(&start_together);
    Htuple first = NULL; /* the first calls of all threads race the JVM start */
    Herror first_rc = T_create_dict(&first);
    if (first_rc != H_MSG_TRUE) {
        fail(w, "first create_dict", first_rc);
    }
    T_clear_handle(first);
    destroy_tuple(first);
    pthread_barrier_wait(&shared_ready);
    for (int n = 0; n < iterations; n++) {
        Htuple dict = NULL, key = NULL, value = NULL, back = NULL, missing = NULL, none = NULL;
        Herror rc = T_create_dict(&dict);
        if (rc != H_MSG_TRUE) {
            fail(w, "create_dict", rc);
            continue;
        }
        create_tuple_i(&key, w->id);
        create_tuple(&value, 2);
        set_i(value, (Hlong) w->id * 100000 + n, 0);
        set_s(value, "thread value", 1);
        if ((rc = T_set_dict_tuple(dict, key, value)) != H_MSG_TRUE) {
            fail(w, "set_dict_tuple", rc);
        } else if ((rc = T_get_dict_tuple(dict, key, &back)) != H_MSG_TRUE) {
            fail(w, "get_dict_tuple", rc);
        } else if (length_tuple(back) != 2 || get_i(back, 0) != (Hlong) w->id * 100000 + n ||
                   strcmp(get_s(back, 1), "thread value") != 0) {
            fail(w, "get_dict_tuple returned other values", rc);
        }
        /* The shared dict: each thread writes its own key and reads it back. */
        if ((rc = T_set_dict_tuple(shared_dict, key, value)) != H_MSG_TRUE) {
            fail(w, "set_dict_tuple on the shared dict", rc);
        }
        /* An error on one thread must not leak into another's result or text. */
        create_tuple_s(&missing, "missing");
        rc = T_get_dict_tuple(dict, missing, &none);
        if (rc != H_ERR_DICT_KEY || none != NULL || strstr(hprune_last_error_text(), "2894") == NULL) {
            fail(w, "missing key did not give 2894 with its text", rc);
        }
        Hobject image = NULL;
        Htuple type = NULL, width = NULL, height = NULL, w_out = NULL, h_out = NULL;
        create_tuple_s(&type, n % 2 ? "byte" : "real");
        create_tuple_i(&width, 8 + w->id);
        create_tuple_i(&height, 4 + n % 5);
        if ((rc = T_gen_image_const(&image, type, width, height)) != H_MSG_TRUE) {
            fail(w, "gen_image_const", rc);
        } else if ((rc = T_get_image_size(image, &w_out, &h_out)) != H_MSG_TRUE) {
            fail(w, "get_image_size", rc);
        } else if (get_i(w_out, 0) != 8 + w->id || get_i(h_out, 0) != 4 + n % 5) {
            fail(w, "get_image_size returned another size", rc);
        }
        clear_obj(image);
        if ((rc = T_clear_handle(dict)) != H_MSG_TRUE) {
            fail(w, "clear_handle", rc);
        }
        destroy_tuple(type), destroy_tuple(width), destroy_tuple(height), destroy_tuple(w_out), destroy_tuple(h_out);
        destroy_tuple(dict), destroy_tuple(key), destroy_tuple(value), destroy_tuple(back), destroy_tuple(missing);
        destroy_tuple(none);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        iterations = atoi(argv[1]);
    }
    pthread_t threads[THREADS];
    worker workers[THREADS];
    pthread_barrier_init(&start_together, NULL, THREADS + 1);
    pthread_barrier_init(&shared_ready, NULL, THREADS + 1);
    for (int t = 0; t < THREADS; t++) {
        workers[t] = (worker){.id = t};
        pthread_create(&threads[t], NULL, work, &workers[t]);
    }
    /* This first operator call races the workers' first calls: any of them may start the JVM; one does. */
    pthread_barrier_wait(&start_together);
    Herror rc = T_create_dict(&shared_dict);
    pthread_barrier_wait(&shared_ready);
    int failures = rc == H_MSG_TRUE ? 0 : 1;
    if (failures) {
        fprintf(stderr, "main: create_dict failed (%d: %s)\n", (int) rc, hprune_last_error_text());
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        if (workers[t].failures > 0) {
            fprintf(stderr, "%s; %d failures\n", workers[t].first_failure, workers[t].failures);
            failures += workers[t].failures;
        }
    }
    /* Every thread's last value is in the shared dict under its own key. */
    for (int t = 0; t < THREADS && failures == 0; t++) {
        Htuple key = NULL, back = NULL;
        create_tuple_i(&key, t);
        rc = T_get_dict_tuple(shared_dict, key, &back);
        if (rc != H_MSG_TRUE || get_i(back, 0) != (Hlong) t * 100000 + iterations - 1) {
            fprintf(stderr, "shared dict: key %d holds the wrong value (rc %d)\n", t, (int) rc);
            failures++;
        }
        destroy_tuple(key), destroy_tuple(back);
    }
    T_clear_handle(shared_dict);
    destroy_tuple(shared_dict);
    pthread_barrier_destroy(&start_together);
    pthread_barrier_destroy(&shared_ready);
    if (failures > 0) {
        return 1;
    }
    printf("threads ok: %d threads x %d iterations\n", THREADS, iterations);
    return 0;
}
