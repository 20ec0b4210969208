/*
 * The bridge to Java: the registered callbacks, starting or finding the JVM on first use, and thread-local errors.
 *
 * Java registers its callbacks with hprune_register. A Java process that loaded this library with JNA may do so
 * itself; otherwise the first operator call does it: it finds a JVM already running in the process
 * (JNI_GetCreatedJavaVMs) or creates one with the invocation API, then calls dev.hprune.cshim.NativeBridge.start,
 * which registers. JNA attaches every C thread that calls back into Java.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bridge_internal.h"

#define ERR_SIZE 2048

static _Atomic(hprune_dispatch_fn) dispatch_fn;
static _Atomic(hprune_ref_fn) ref_fn;

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static int start_failed;
static char start_failure[ERR_SIZE];

static __thread char last_error[ERR_SIZE];
static __thread Herror last_code = H_MSG_TRUE;

int hprune_register(hprune_dispatch_fn dispatch, hprune_ref_fn ref) {
    atomic_store(&ref_fn, ref);
    atomic_store(&dispatch_fn, dispatch);
    return H_MSG_TRUE;
}

void hp_set_error(Herror code, const char *text) {
    last_code = code;
    snprintf(last_error, sizeof last_error, "%s", text == NULL ? "" : text);
}

const char *hprune_last_error_text(void) {
    return last_error;
}

Herror hprune_last_error_code(void) {
    return last_code;
}

void hp_handle_ref(Hlong handle_id, int delta) {
    hprune_ref_fn ref = atomic_load(&ref_fn);
    if (ref != NULL) {
        ref(handle_id, delta);
    }
}

/* ---- finding the pieces: this library, its class path, libjvm ---- */

static int library_dir(char *dir, size_t size) {
    Dl_info info;
    char resolved[PATH_MAX];
    if (dladdr((void *) &hprune_register, &info) == 0 || info.dli_fname == NULL ||
        realpath(info.dli_fname, resolved) == NULL) {
        return 0;
    }
    char *slash = strrchr(resolved, '/');
    if (slash == NULL) {
        return 0;
    }
    *slash = '\0';
    return snprintf(dir, size, "%s", resolved) < (int) size;
}

static int library_path(char *path, size_t size) {
    Dl_info info;
    char resolved[PATH_MAX];
    if (dladdr((void *) &hprune_register, &info) == 0 || info.dli_fname == NULL ||
        realpath(info.dli_fname, resolved) == NULL) {
        return 0;
    }
    return snprintf(path, size, "%s", resolved) < (int) size;
}

/* The class path: $HPRUNE_CLASSPATH, else <libdir>/classes plus the jars listed in <libdir>/hprune-classpath.txt. */
static char *class_path(char *why, size_t why_size) {
    const char *env = getenv("HPRUNE_CLASSPATH");
    if (env != NULL && *env != '\0') {
        return strdup(env);
    }
    char dir[PATH_MAX];
    if (!library_dir(dir, sizeof dir)) {
        snprintf(why, why_size, "cannot find the directory of libhprune_c; set HPRUNE_CLASSPATH");
        return NULL;
    }
    char file[PATH_MAX + 32];
    snprintf(file, sizeof file, "%s/hprune-classpath.txt", dir);
    FILE *in = fopen(file, "r");
    if (in == NULL) {
        snprintf(why, why_size, "no class path: set HPRUNE_CLASSPATH, or build with Maven so that %s exists", file);
        return NULL;
    }
    fseek(in, 0, SEEK_END);
    long listed = ftell(in);
    fseek(in, 0, SEEK_SET);
    size_t size = strlen(dir) + 16 + (size_t) (listed > 0 ? listed : 0);
    char *path = malloc(size);
    if (path == NULL) {
        fclose(in);
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    int used = snprintf(path, size, "%s/classes:", dir);
    size_t got = fread(path + used, 1, (size_t) (listed > 0 ? listed : 0), in);
    fclose(in);
    path[used + got] = '\0';
    for (char *end = path + strlen(path); end > path && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ':');) {
        *--end = '\0';
    }
    return path;
}

/* libjvm: $HPRUNE_LIBJVM, $JAVA_HOME/lib/server/libjvm.so, or next to the `java` found on PATH. */
static int find_libjvm(char *out, size_t size) {
    const char *explicit_path = getenv("HPRUNE_LIBJVM");
    if (explicit_path != NULL && *explicit_path != '\0') {
        return snprintf(out, size, "%s", explicit_path) < (int) size;
    }
    const char *home = getenv("JAVA_HOME");
    if (home != NULL && *home != '\0') {
        snprintf(out, size, "%s/lib/server/libjvm.so", home);
        if (access(out, R_OK) == 0) {
            return 1;
        }
    }
    const char *path_env = getenv("PATH");
    if (path_env == NULL) {
        return 0;
    }
    char *paths = strdup(path_env);
    if (paths == NULL) {
        return 0;
    }
    int found = 0;
    char *save = NULL;
    for (char *entry = strtok_r(paths, ":", &save); entry != NULL && !found; entry = strtok_r(NULL, ":", &save)) {
        char candidate[PATH_MAX];
        char resolved[PATH_MAX];
        snprintf(candidate, sizeof candidate, "%s/java", entry);
        if (access(candidate, X_OK) != 0 || realpath(candidate, resolved) == NULL) {
            continue;
        }
        char *slash = strrchr(resolved, '/'); /* .../bin/java -> .../bin */
        if (slash != NULL) {
            *slash = '\0';
            slash = strrchr(resolved, '/'); /* -> java home */
        }
        if (slash != NULL) {
            *slash = '\0';
            snprintf(out, size, "%s/lib/server/libjvm.so", resolved);
            found = access(out, R_OK) == 0;
        }
    }
    free(paths);
    return found;
}

typedef jint (*get_created_vms_fn)(JavaVM **, jsize, jsize *);
typedef jint (*create_vm_fn)(JavaVM **, void **, void *);

static JavaVM *running_vm(void) {
    get_created_vms_fn get_vms = (get_created_vms_fn) dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
    JavaVM *vm = NULL;
    jsize count = 0;
    if (get_vms != NULL && get_vms(&vm, 1, &count) == JNI_OK && count > 0) {
        return vm;
    }
    return NULL;
}

static JavaVM *create_vm(char *why, size_t why_size) {
    char libjvm[PATH_MAX];
    if (!find_libjvm(libjvm, sizeof libjvm)) {
        snprintf(why, why_size, "no JVM found: set JAVA_HOME (or HPRUNE_LIBJVM), or put java on PATH");
        return NULL;
    }
    /* Not closed: the JVM stays loaded for the life of the process. */
    void *lib = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
    if (lib == NULL) {
        snprintf(why, why_size, "cannot load %s: %s", libjvm, dlerror());
        return NULL;
    }
    create_vm_fn create = (create_vm_fn) dlsym(lib, "JNI_CreateJavaVM");
    if (create == NULL) {
        snprintf(why, why_size, "%s has no JNI_CreateJavaVM", libjvm);
        return NULL;
    }
    char *cp = class_path(why, why_size);
    if (cp == NULL) {
        return NULL;
    }
    char *cp_option = malloc(strlen(cp) + 32);
    const char *extra = getenv("HPRUNE_JVM_OPTS");
    char *extra_copy = extra == NULL ? NULL : strdup(extra);
    JavaVMOption options[64];
    int n = 0;
    JavaVM *vm = NULL;
    if (cp_option != NULL) {
        sprintf(cp_option, "-Djava.class.path=%s", cp);
        options[n++].optionString = cp_option;
        /* A host program keeps its own signal handling (SIGINT, SIGTERM). */
        options[n++].optionString = "-Xrs";
        char *save = NULL;
        for (char *opt = extra_copy == NULL ? NULL : strtok_r(extra_copy, " \t", &save); opt != NULL && n < 64;
             opt = strtok_r(NULL, " \t", &save)) {
            options[n++].optionString = opt;
        }
        for (int i = 0; i < n; i++) {
            options[i].extraInfo = NULL;
        }
        JavaVMInitArgs args;
        args.version = JNI_VERSION_1_8;
        args.nOptions = n;
        args.options = options;
        args.ignoreUnrecognized = JNI_FALSE;
        JNIEnv *env = NULL;
        jint rc = create(&vm, (void **) &env, &args);
        if (rc != JNI_OK) {
            snprintf(why, why_size, "JNI_CreateJavaVM failed (%d) with libjvm %s", (int) rc, libjvm);
            vm = NULL;
        }
    } else {
        snprintf(why, why_size, "out of memory");
    }
    /* The JVM copies its options. */
    free(extra_copy);
    free(cp_option);
    free(cp);
    return vm;
}

/* Calls NativeBridge.start(libraryPath) on this thread; Java registers the callbacks. */
static int call_java_start(JavaVM *vm, char *why, size_t why_size) {
    JNIEnv *env = NULL;
    int attached_here = 0;
    jint state = (*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8);
    if (state == JNI_EDETACHED) {
        if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **) &env, NULL) != JNI_OK) {
            snprintf(why, why_size, "cannot attach this thread to the JVM");
            return 0;
        }
        attached_here = 1;
    } else if (state != JNI_OK) {
        snprintf(why, why_size, "JVM GetEnv failed (%d)", (int) state);
        return 0;
    }
    int ok = 0;
    char lib[PATH_MAX];
    jclass bridge = (*env)->FindClass(env, "dev/hprune/cshim/NativeBridge");
    jmethodID start = bridge == NULL ? NULL : (*env)->GetStaticMethodID(env, bridge, "start", "(Ljava/lang/String;)V");
    if (start != NULL && library_path(lib, sizeof lib)) {
        jstring path = (*env)->NewStringUTF(env, lib);
        if (path != NULL) {
            (*env)->CallStaticVoidMethod(env, bridge, start, path);
            ok = !(*env)->ExceptionCheck(env);
            (*env)->DeleteLocalRef(env, path);
        }
    }
    if ((*env)->ExceptionCheck(env)) {
        jthrowable thrown = (*env)->ExceptionOccurred(env);
        (*env)->ExceptionClear(env);
        jclass object = (*env)->FindClass(env, "java/lang/Object");
        jmethodID to_string = object == NULL ? NULL : (*env)->GetMethodID(env, object, "toString", "()Ljava/lang/String;");
        jstring text = to_string == NULL ? NULL : (jstring) (*env)->CallObjectMethod(env, thrown, to_string);
        const char *chars = text == NULL ? NULL : (*env)->GetStringUTFChars(env, text, NULL);
        snprintf(why, why_size, "starting the Java side failed: %s (class path wrong? see HPRUNE_CLASSPATH)",
                 chars == NULL ? "unknown Java exception" : chars);
        if (chars != NULL) {
            (*env)->ReleaseStringUTFChars(env, text, chars);
        }
        (*env)->ExceptionClear(env);
    } else if (!ok) {
        snprintf(why, why_size, "cannot find this library's path");
    }
    if (bridge != NULL) {
        (*env)->DeleteLocalRef(env, bridge);
    }
    if (attached_here) {
        (*vm)->DetachCurrentThread(vm);
    }
    return ok;
}

static hprune_dispatch_fn ensure_bridge(void) {
    hprune_dispatch_fn dispatch = atomic_load(&dispatch_fn);
    if (dispatch != NULL) {
        return dispatch;
    }
    pthread_mutex_lock(&start_lock);
    dispatch = atomic_load(&dispatch_fn);
    if (dispatch == NULL && !start_failed) {
        char why[ERR_SIZE] = "";
        JavaVM *vm = running_vm();
        if (vm == NULL) {
            vm = create_vm(why, sizeof why);
        }
        if (vm != NULL && call_java_start(vm, why, sizeof why)) {
            dispatch = atomic_load(&dispatch_fn);
            if (dispatch == NULL) {
                snprintf(why, sizeof why, "the Java side started but registered no callbacks");
            }
        }
        if (dispatch == NULL) {
            /* A process can create only one JVM: a failed start stays failed. */
            start_failed = 1;
            snprintf(start_failure, sizeof start_failure, "HALCON error #%d: hprune could not start its Java side: %s",
                     H_ERR_DL_INTERNAL, why);
        }
    }
    pthread_mutex_unlock(&start_lock);
    return dispatch;
}

Herror hp_call(int op, const Hobject *obj_in, Hobject **obj_out, const Htuple *ctrl_in, Htuple **ctrl_out) {
    for (int i = 0; obj_out != NULL && i < hprune_op_arity(op, 1); i++) {
        if (obj_out[i] != NULL) {
            *obj_out[i] = NULL;
        }
    }
    for (int i = 0; ctrl_out != NULL && i < hprune_op_arity(op, 3); i++) {
        if (ctrl_out[i] != NULL) {
            *ctrl_out[i] = NULL;
        }
    }
    hprune_dispatch_fn dispatch = ensure_bridge();
    if (dispatch == NULL) {
        pthread_mutex_lock(&start_lock);
        hp_set_error(H_ERR_DL_INTERNAL, start_failure);
        pthread_mutex_unlock(&start_lock);
        return H_ERR_DL_INTERNAL;
    }
    char err[ERR_SIZE];
    err[0] = '\0';
    int rc = dispatch(op, obj_in, obj_out, ctrl_in, ctrl_out, err, (int) sizeof err);
    if (rc != H_MSG_TRUE) {
        hp_set_error(rc, err);
    }
    return rc;
}

Herror get_error_text(Hlong error_code, char *text) {
    if (text == NULL) {
        return H_ERR_OUTPUT_CONTROL_NOT_INIT;
    }
    text[0] = '\0';
    Htuple code = NULL;
    Htuple out = NULL;
    Herror rc = create_tuple_i(&code, error_code);
    if (rc == H_MSG_TRUE) {
        rc = T_get_error_text(code, &out);
    }
    if (rc == H_MSG_TRUE) {
        snprintf(text, MAX_STRING, "%s", get_s(out, 0));
    }
    destroy_tuple(out);
    destroy_tuple(code);
    return rc;
}
