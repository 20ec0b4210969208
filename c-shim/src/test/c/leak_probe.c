/*
 * Leaks on purpose, to prove that the valgrind suppressions for the JVM do not hide the shim's own allocations:
 * one tuple made by create_tuple_s in C and one output tuple that Java filled through the bridge are never destroyed.
 */
#include <stdio.h>

#include "HalconC.h"

int main(void) {
    Htuple leaked_here, leaked_output;
    create_tuple_s(&leaked_here, "never destroyed");
    if (T_create_dict(&leaked_output) != H_MSG_TRUE) {
        fprintf(stderr, "%s\n", hprune_last_error_text());
        return 1;
    }
    printf("leaked two tuples\n");
    return 0;
}
