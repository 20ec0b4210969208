package dev.hprune.cshim;

import dev.hprune.procedures.DlDataset;
import dev.hprune.procedures.DlEvaluation;
import dev.hprune.procedures.DlPreprocessing;
import dev.hprune.procedures.DlTraining;
import dev.hprune.procedures.FileProcedures;
import java.util.List;

/**
 * HALCON's standard procedures the C library offers as {@code hprune_<name>} (operators.c's table lists them after the
 * operators): the same dispatch as an operator, calling the procedure of that name in {@code dev.hprune.procedures}.
 * A procedure reports bad input as an {@code HOperatorException} with HALCON's number, which reaches C as the Herror.
 */
final class JavaProcedures {
    private JavaProcedures() {}

    static final List<JavaOperator> ALL = List.of(
            new JavaOperator("read_dl_dataset_classification", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> DlDataset.read_dl_dataset_classification(ci[0], ci[1], co[0])),
            new JavaOperator("split_dl_dataset", 0, 0, 4, 0,
                    (oi, oo, ci, co) -> DlDataset.split_dl_dataset(ci[0], ci[1], ci[2], ci[3])),
            new JavaOperator("create_dl_preprocess_param", 0, 0, 12, 1,
                    (oi, oo, ci, co) -> DlPreprocessing.create_dl_preprocess_param(ci[0], ci[1], ci[2], ci[3],
                            ci[4], ci[5], ci[6], ci[7], ci[8], ci[9], ci[10], ci[11], co[0])),
            new JavaOperator("create_dl_preprocess_param_from_model", 0, 0, 6, 1,
                    (oi, oo, ci, co) -> DlPreprocessing.create_dl_preprocess_param_from_model(ci[0], ci[1], ci[2],
                            ci[3], ci[4], ci[5], co[0])),
            new JavaOperator("check_dl_preprocess_param", 0, 0, 1, 0,
                    (oi, oo, ci, co) -> DlPreprocessing.check_dl_preprocess_param(ci[0])),
            new JavaOperator("preprocess_dl_dataset", 0, 0, 4, 1,
                    (oi, oo, ci, co) -> DlPreprocessing.preprocess_dl_dataset(ci[0], ci[1], ci[2], ci[3], co[0])),
            new JavaOperator("preprocess_dl_samples", 0, 0, 2, 0,
                    (oi, oo, ci, co) -> DlPreprocessing.preprocess_dl_samples(ci[0], ci[1])),
            new JavaOperator("preprocess_dl_model_images", 1, 1, 1, 0,
                    (oi, oo, ci, co) -> DlPreprocessing.preprocess_dl_model_images(oi[0], oo[0], ci[0])),
            new JavaOperator("gen_dl_samples_from_images", 1, 0, 0, 1,
                    (oi, oo, ci, co) -> DlPreprocessing.gen_dl_samples_from_images(oi[0], co[0])),
            new JavaOperator("find_dl_samples", 0, 0, 4, 1,
                    (oi, oo, ci, co) -> DlDataset.find_dl_samples(ci[0], ci[1], ci[2], ci[3], co[0])),
            new JavaOperator("read_dl_samples", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> DlDataset.read_dl_samples(ci[0], ci[1], co[0])),
            new JavaOperator("gen_dl_samples", 0, 0, 4, 1,
                    (oi, oo, ci, co) -> DlDataset.gen_dl_samples(ci[0], ci[1], ci[2], ci[3], co[0])),
            new JavaOperator("write_dl_samples", 0, 0, 5, 0,
                    (oi, oo, ci, co) -> DlDataset.write_dl_samples(ci[0], ci[1], ci[2], ci[3], ci[4])),
            new JavaOperator("create_dl_train_param", 0, 0, 7, 1,
                    (oi, oo, ci, co) -> DlTraining.create_dl_train_param(ci[0], ci[1], ci[2], ci[3], ci[4], ci[5],
                            ci[6], co[0])),
            new JavaOperator("train_dl_model", 0, 0, 4, 3,
                    (oi, oo, ci, co) -> DlTraining.train_dl_model(ci[0], ci[1], ci[2], ci[3], co[0], co[1], co[2])),
            new JavaOperator("create_evaluation_default_param", 0, 0, 2, 1,
                    (oi, oo, ci, co) -> DlEvaluation.create_evaluation_default_param(ci[0], ci[1], co[0])),
            new JavaOperator("evaluate_dl_model", 0, 0, 5, 2,
                    (oi, oo, ci, co) -> DlEvaluation.evaluate_dl_model(ci[0], ci[1], ci[2], ci[3], ci[4], co[0],
                            co[1])),
            new JavaOperator("list_image_files", 0, 0, 3, 1,
                    (oi, oo, ci, co) -> FileProcedures.list_image_files(ci[0], ci[1], ci[2], co[0])));
}
