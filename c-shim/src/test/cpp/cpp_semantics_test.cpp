/*
 * HalconCpp.h's value semantics, checked against the C tuples underneath (OtherLanguagesTest runs it): deep copies,
 * moves, element access and growth, concatenation, typed reads that throw HTupleAccessException, operator errors as
 * HException with HALCON's number, handle references and clearing, shared objects. Prints "ok N checks" or the first
 * failed check and exits 1.
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "HalconCpp.h"

using namespace HalconCpp;

static int checks = 0;

#define EXPECT(condition)                                                                \
    do {                                                                                 \
        checks++;                                                                        \
        if (!(condition)) {                                                              \
            std::fprintf(stderr, "FAILED line %d: %s\n", __LINE__, #condition);        \
            std::exit(1);                                                                \
        }                                                                                \
    } while (0)

/* The error number the call throws, or 0 when it throws nothing. */
template <typename F>
static Hlong Thrown(F call) {
    try {
        call();
    } catch (HException& e) {
        return e.ErrorCode();
    }
    return 0;
}

int main() {
    // construction and typed reads
    HTuple i(Hlong(7)), d(2.5), s("text"), hs(HString("other")), empty;
    EXPECT(i.Length() == 1 && i.Type() == LONG_PAR && i.L() == 7 && i.I() == 7 && i.D() == 7.0);
    EXPECT(d.Type() == DOUBLE_PAR && d.D() == 2.5);
    EXPECT(s.Type() == STRING_PAR && std::strcmp(s.S().Text(), "text") == 0 && hs.S() == HString("other"));
    EXPECT(empty.Length() == 0 && empty.Type() == ANY_PAR);
    EXPECT(Thrown([&] { s.L(); }) == H_ERR_TUPLE_ACCESS_TYPE);
    EXPECT(Thrown([&] { empty.D(); }) == H_ERR_TUPLE_ACCESS_INDEX);
    try {
        d.S();
        EXPECT(false);
    } catch (HTupleAccessException& e) {
        EXPECT(e.ErrorCode() == 2400);
    }

    // element writes grow the tuple; mixed types
    HTuple mixed;
    mixed[0] = 1;
    mixed[2] = "two"; // element 1 stays undefined until set
    mixed[1] = 0.5;
    EXPECT(mixed.Length() == 3 && mixed.Type() == MIXED_PAR);
    EXPECT(mixed[0].L() == 1 && mixed[1].D() == 0.5 && mixed[2].S() == HString("two"));
    Hlong as_long = mixed[0];
    double as_double = mixed[1];
    EXPECT(as_long == 1 && as_double == 0.5);
    mixed[0] = mixed[2]; // an element of the same tuple
    EXPECT(mixed[0].S() == HString("two"));

    // copies are deep: a different C tuple with the same values, independent afterwards
    HTuple copy(mixed);
    EXPECT(copy.CTuple() != mixed.CTuple() && copy.Length() == 3);
    copy[1] = 9;
    EXPECT(mixed[1].D() == 0.5 && copy[1].L() == 9);
    HTuple assigned;
    assigned = mixed;
    EXPECT(assigned.CTuple() != mixed.CTuple() && assigned[2].S() == HString("two"));

    // moves take the C tuple over and leave an empty tuple
    Htuple raw = mixed.CTuple();
    HTuple moved(std::move(mixed));
    EXPECT(moved.CTuple() == raw && mixed.Length() == 0);
    HTuple move_assigned;
    move_assigned = std::move(moved);
    EXPECT(move_assigned.CTuple() == raw);

    // concatenation and arrays
    HTuple a(Hlong(1)), b;
    b[0] = 2.0;
    b[1] = "x";
    HTuple ab = a.TupleConcat(b);
    EXPECT(ab.Length() == 3 && a.Length() == 1 && ab[1].D() == 2.0 && ab[2].S() == HString("x"));
    a.Append(b).Append(HTuple(Hlong(4)));
    EXPECT(a.Length() == 4 && a[3].L() == 4);
    Hlong longs[] = {3, 1, 2};
    HTuple from_array(longs, 3);
    EXPECT(from_array.ToLArr().size() == 3 && from_array.ToLArr()[2] == 2 && from_array.ToDArr()[0] == 3.0);
    EXPECT(Thrown([&] { ab.ToLArr(); }) == H_ERR_TUPLE_ACCESS_TYPE);

    // operators: outputs, the global form equal to the operator, errors with HALCON's number
    HTuple sorted;
    TupleSort(from_array, &sorted);
    EXPECT(sorted.ToLArr() == (std::vector<Hlong>{1, 2, 3}));
    HTuple kept(Hlong(5));
    EXPECT(Thrown([&] { TupleSelect(from_array, 7, &kept); }) == 1302);
    EXPECT(kept.L() == 5); // a failed call leaves the output as it was
    try {
        TupleSelect(from_array, "x", &kept);
        EXPECT(false);
    } catch (HException& e) {
        EXPECT(e.ErrorCode() == 1202 && e.ProcName() == HString("tuple_select"));
        EXPECT(std::strstr(e.ErrorMessage().Text(), "#1202") != nullptr);
    }

    // handles: copies are references; ClearHandle releases for every copy (2454)
    HDict dict;
    EXPECT(!dict.IsInitialized());
    dict.CreateDict();
    HDict same = dict;
    EXPECT(same.Id() == dict.Id() && same.CTuple() != dict.CTuple());
    same.SetDictTuple("k", ab);
    EXPECT(dict.GetDictTuple("k")[2].S() == HString("x"));
    HTuple handles;
    handles[0] = dict;
    EXPECT(handles.Type() == HANDLE_PAR && HDict(handles[0].H()).Id() == dict.Id());
    EXPECT(Thrown([&] { dict.GetDictTuple("missing"); }) == H_ERR_DICT_KEY);
    dict.ClearHandle();
    EXPECT(Thrown([&] { same.GetDictTuple("k"); }) == H_ERR_HANDLE_CLEARED);
    EXPECT(Thrown([&] { HDict(handles).GetDictTuple("k"); }) == H_ERR_HANDLE_CLEARED);

    // objects: copies share the object; operators make new ones
    HImage image("byte", 8, 4);
    HObject shared = image;
    EXPECT(shared.Key() == image.Key() && image.CountObj() == 1);
    HImage zoomed = image.ZoomImageSize(4, 2, "constant");
    Hlong w, h;
    zoomed.GetImageSize(&w, &h);
    EXPECT(zoomed.Key() != image.Key() && w == 4 && h == 2);
    HObject both;
    ConcatObj(image, zoomed, &both);
    EXPECT(both.CountObj() == 2);
    EXPECT(Thrown([&] { HImage().CountChannels(); }) != 0);

    std::printf("ok %d checks\n", checks);
    return 0;
}
