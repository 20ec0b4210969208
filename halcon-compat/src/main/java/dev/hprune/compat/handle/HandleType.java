package dev.hprune.compat.handle;

/** The semantic types of the handles hprune creates, with HALCON's names as {@code tuple_sem_type} reports them. */
public enum HandleType {
    DICT("dict"),
    DL_MODEL("dl_model"),
    DL_PRUNING("dl_pruning"),
    DL_DEVICE("dl_device");

    private final String semType;

    HandleType(String semType) {
        this.semType = semType;
    }

    /** HALCON's semantic type name, e.g. {@code dl_pruning}. */
    public String semType() {
        return semType;
    }
}
