package dev.hprune.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.hprune.compat.archfixture.ForbiddenBackendImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency table of design.md, checked on the compiled classes of every module. */
class ModuleBoundariesTest {

    private static final String COMPAT = "dev.hprune.compat..";
    private static final String API = "dev.hprune.halcon..";
    private static final String TF = "dev.hprune.tf..";
    private static final String ORT = "dev.hprune.ort..";
    private static final String ONNX_RUNTIME = "ai.onnxruntime..";
    private static final String CSHIM = "dev.hprune.cshim..";
    private static final String PROCEDURES = "dev.hprune.procedures..";
    private static final String TENSORFLOW = "org.tensorflow..";
    private static final String PROTOBUF = "com.google.protobuf..";
    private static final String JNA = "com.sun.jna..";

    static final ArchRule COMPAT_KNOWS_NO_BACKEND_NOR_HALCON_SHAPES = noClasses().that().resideInAPackage(COMPAT)
            .should().dependOnClassesThat().resideInAnyPackage(TENSORFLOW, JNA, API, TF, CSHIM)
            .because("halcon-compat defines the Backend interface and works on plain Java values (design.md)");

    static final ArchRule API_KNOWS_NO_TENSORFLOW_PROTOBUF_OR_JNA = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(TENSORFLOW, PROTOBUF, JNA, TF, CSHIM)
            .because("api only converts between HALCON's shapes and halcon-compat's values (design.md)");

    static final ArchRule BACKEND_KNOWS_NO_HALCON_SHAPES = noClasses().that().resideInAPackage(TF)
            .should().dependOnClassesThat().resideInAnyPackage(API, CSHIM)
            .because("tf-backend implements halcon-compat's Backend and never sees HTuple (design.md)");

    static final ArchRule ORT_BACKEND_KNOWS_ONLY_COMPAT_AND_ONNX_RUNTIME = noClasses().that().resideInAPackage(ORT)
            .should().dependOnClassesThat().resideInAnyPackage(API, CSHIM, TF, TENSORFLOW, JNA, PROCEDURES)
            .because("ort-backend implements halcon-compat's Backend on ONNX Runtime alone (design.md)");

    static final ArchRule ONLY_ORT_BACKEND_CALLS_ONNX_RUNTIME = noClasses().that().resideOutsideOfPackage(ORT)
            .should().dependOnClassesThat().resideInAPackage(ONNX_RUNTIME)
            .because("ONNX Runtime is a device behind the Backend interface; the tests module uses it as oracle only");

    static final ArchRule SHIM_KNOWS_NO_TENSORFLOW = noClasses().that().resideInAPackage(CSHIM)
            .should().dependOnClassesThat().resideInAnyPackage(TENSORFLOW, TF)
            .because("c-shim calls the api and the procedures only (design.md)");

    static final ArchRule PROCEDURES_STAND_ON_THE_API_ALONE = noClasses().that().resideInAPackage(PROCEDURES)
            .should().dependOnClassesThat().resideInAnyPackage(COMPAT, TENSORFLOW, PROTOBUF, JNA, TF, CSHIM)
            .because("HALCON's procedures call HALCON's operators only; ours call HOperatorSet only (design.md)");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hprune");
    }

    @Test
    void productionClassesWereFound() {
        assertThat(production.containPackage("dev.hprune.compat.handle")).isTrue();
        assertThat(production.containPackage("dev.hprune.halcon")).isTrue();
        assertThat(production.containPackage("dev.hprune.ort")).isTrue();
    }

    @Test
    void compatImportsNoBackendNorHalconShapes() {
        COMPAT_KNOWS_NO_BACKEND_NOR_HALCON_SHAPES.check(production);
    }

    @Test
    void apiImportsNoTensorFlowProtobufOrJna() {
        API_KNOWS_NO_TENSORFLOW_PROTOBUF_OR_JNA.check(production);
    }

    @Test
    void backendImportsNoHalconShapes() {
        BACKEND_KNOWS_NO_HALCON_SHAPES.allowEmptyShould(true).check(production);
    }

    @Test
    void proceduresImportOnlyTheApi() {
        PROCEDURES_STAND_ON_THE_API_ALONE.allowEmptyShould(true).check(production);
    }

    @Test
    void ortBackendImportsOnlyCompatAndOnnxRuntime() {
        ORT_BACKEND_KNOWS_ONLY_COMPAT_AND_ONNX_RUNTIME.check(production);
    }

    @Test
    void onlyOrtBackendImportsOnnxRuntime() {
        ONLY_ORT_BACKEND_CALLS_ONNX_RUNTIME.check(production);
    }

    @Test
    void shimImportsNoTensorFlow() {
        SHIM_KNOWS_NO_TENSORFLOW.allowEmptyShould(true).check(production);
    }

    @Test
    void ruleCatchesACompatClassThatImportsTensorFlow() {
        JavaClasses violating = new ClassFileImporter().importClasses(ForbiddenBackendImport.class);
        assertThat(COMPAT_KNOWS_NO_BACKEND_NOR_HALCON_SHAPES.evaluate(violating).hasViolation()).isTrue();
    }
}
