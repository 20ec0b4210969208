/*
 * HalconCpp.h -- hprune's subset of HALCON's C++ interface (HALCON/C++), header-only over libhprune_c.so (HalconC.h).
 * Class and function names, parameter order and exceptions are HALCON's, so HALCON/C++ sources that use these operators
 * compile with few or no changes:
 *   - HTuple, HTupleElement, HString: control values. HTuple owns one C tuple (RAII): copies are deep (copy_tuple),
 *     moves take the C tuple over. An empty HTuple holds no C tuple until one is needed.
 *   - HObject (HImage): iconic objects. Objects never change after an operator created them, so copies share the object
 *     (as HALCON's do) and the last copy releases it (clear_obj).
 *   - HHandle and the handle classes HDict, HDlModel, HDlPrune: each holds one reference to its handle, as a one-element
 *     tuple; ClearHandle releases the resource at once, later use raises 2454 (H_ERR_HANDLE_CLEARED).
 *   - HException: thrown by every operator that does not return H_MSG_TRUE, with HALCON's error number, the operator's
 *     name and hprune's text.
 *   - The global operator functions (void GetDlPruningParam(const HTuple&, const HTuple&, HTuple*), ...) are generated
 *     from HalconC.h into HalconCppOperators.h, one for every operator the C interface offers.
 * Include directory: c-shim/target/include (the build copies HalconC.h and this header there); link -lhprune_c.
 * Deviation from HALCON: arrays of dicts (HALCON's HDictArray) are passed as an HTuple of dict handles.
 */
#ifndef HPRUNE_HALCON_CPP_H
#define HPRUNE_HALCON_CPP_H

#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "HalconC.h"

namespace HalconCpp {

/* A string as HALCON's C++ interface passes it: converts to and from const char*. */
class HString {
public:
    HString() = default;
    HString(const char* text) : text_(text == nullptr ? "" : text) {}
    HString(const std::string& text) : text_(text) {}
    const char* Text() const { return text_.c_str(); }
    operator const char*() const { return text_.c_str(); }
    Hlong Length() const { return static_cast<Hlong>(text_.size()); }
    bool operator==(const HString& other) const { return text_ == other.text_; }
    bool operator!=(const HString& other) const { return text_ != other.text_; }
    HString operator+(const HString& other) const { return HString(text_ + other.text_); }

private:
    std::string text_;
};

inline std::ostream& operator<<(std::ostream& out, const HString& s) { return out << s.Text(); }

/* A failed operator: HALCON's error number, the operator and the text. */
class HException {
public:
    HException(const HString& proc_name, Hlong error_code, const HString& message)
        : proc_name_(proc_name), error_code_(error_code), message_(message) {}
    Hlong ErrorCode() const { return error_code_; }
    const HString& ErrorMessage() const { return message_; }
    const HString& ProcName() const { return proc_name_; }

private:
    HString proc_name_;
    Hlong error_code_;
    HString message_;
};

/* Reading an element of another type or outside the tuple (HALCON's HTupleAccessException). */
class HTupleAccessException : public HException {
public:
    HTupleAccessException(const HString& what, Hlong error_code) : HException(what, error_code, StandardText(error_code)) {}

private:
    static HString StandardText(Hlong error_code) {
        char text[MAX_STRING];
        return get_error_text(error_code, text) == H_MSG_TRUE ? HString(text) : HString("tuple access");
    }
};

namespace detail {
/* Throws HException for anything but H_MSG_TRUE. */
inline void Check(const char* proc_name, Herror rc) {
    if (rc != H_MSG_TRUE) {
        throw HException(proc_name, rc, hprune_last_error_text());
    }
}
} // namespace detail

class HHandle;
class HTupleElement;

/* HALCON's control tuple over one C tuple. Element types: Hlong, double, string, handle. */
class HTuple {
public:
    HTuple() = default;
    HTuple(Hlong value) { detail::Check("create_tuple_i", create_tuple_i(&t_, value)); }
    HTuple(int value) : HTuple(static_cast<Hlong>(value)) {}
    HTuple(double value) { detail::Check("create_tuple_d", create_tuple_d(&t_, value)); }
    HTuple(const char* value) { detail::Check("create_tuple_s", create_tuple_s(&t_, value)); }
    HTuple(const HString& value) : HTuple(value.Text()) {}
    HTuple(const std::string& value) : HTuple(value.c_str()) {}
    HTuple(const HHandle& handle);
    HTuple(const HTupleElement& element);
    /* HALCON's HTuple(const Hlong*, Hlong) and HTuple(const double*, Hlong): the values of an array. */
    HTuple(const Hlong* values, Hlong length) {
        Create(length);
        for (Hlong i = 0; i < length; i++) {
            set_i(t_, values[i], i);
        }
    }
    HTuple(const double* values, Hlong length) {
        Create(length);
        for (Hlong i = 0; i < length; i++) {
            set_d(t_, values[i], i);
        }
    }
    HTuple(const HTuple& other) {
        if (other.t_ != nullptr) {
            detail::Check("copy_tuple", copy_tuple(other.t_, &t_));
        }
    }
    HTuple(HTuple&& other) noexcept : t_(other.t_) { other.t_ = nullptr; }
    HTuple& operator=(HTuple other) noexcept {
        std::swap(t_, other.t_);
        return *this;
    }
    ~HTuple() { destroy_tuple(t_); }

    /* Takes over a C tuple (for example an operator's output); the HTuple destroys it. */
    static HTuple Adopt(Htuple tuple) {
        HTuple t;
        t.t_ = tuple;
        return t;
    }

    Hlong Length() const { return t_ == nullptr ? 0 : length_tuple(t_); }
    /* HALCON's tuple type: LONG_PAR, DOUBLE_PAR, STRING_PAR, HANDLE_PAR, MIXED_PAR, or ANY_PAR when empty. */
    int Type() const { return t_ == nullptr ? ANY_PAR : get_tuple_type(t_); }

    /* Element access; writing one index past the end (or further) grows the tuple, as in HALCON. */
    HTupleElement operator[](Hlong index);
    HTupleElement operator[](Hlong index) const;
    HTupleElement operator[](int index);
    HTupleElement operator[](int index) const;

    /* The first element, typed (HALCON's I(), L(), D(), S(), H()): 2400 for another type, 2402 when empty. */
    int I() const { return static_cast<int>(L()); }
    Hlong L() const { return Access(0, LONG_PAR), get_i(t_, 0); }
    double D() const {
        Access(0, DOUBLE_PAR);
        return get_d(t_, 0);
    }
    HString S() const { return Access(0, STRING_PAR), HString(get_s(t_, 0)); }
    HHandle H() const;

    /* All elements as arrays (HALCON's ToLArr/ToDArr/ToSArr; vectors here, so nothing is to be freed). */
    std::vector<Hlong> ToLArr() const {
        std::vector<Hlong> out;
        for (Hlong i = 0; i < Length(); i++) {
            out.push_back((Access(i, LONG_PAR), get_i(t_, i)));
        }
        return out;
    }
    std::vector<double> ToDArr() const {
        std::vector<double> out;
        for (Hlong i = 0; i < Length(); i++) {
            Access(i, DOUBLE_PAR);
            out.push_back(get_d(t_, i));
        }
        return out;
    }
    std::vector<HString> ToSArr() const {
        std::vector<HString> out;
        for (Hlong i = 0; i < Length(); i++) {
            out.push_back((Access(i, STRING_PAR), HString(get_s(t_, i))));
        }
        return out;
    }

    /* Concatenation: Append changes this tuple, TupleConcat returns a new one (HALCON's operator+ adds, it does not
     * concatenate). */
    HTuple& Append(const HTuple& tail) {
        Hlong start = Length();
        Grow(start + tail.Length());
        for (Hlong i = 0; i < tail.Length(); i++) {
            CopyElement(tail.t_, i, t_, start + i);
        }
        return *this;
    }
    HTuple TupleConcat(const HTuple& tail) const { return HTuple(*this).Append(tail); }
    void Clear() {
        destroy_tuple(t_);
        t_ = nullptr;
    }

    /* The C tuple, for C calls: an empty tuple is created on first use (operators take no NULL tuple). */
    Htuple CTuple() const {
        if (t_ == nullptr) {
            detail::Check("create_tuple", create_tuple(&t_, 0));
        }
        return t_;
    }

private:
    friend class HTupleElement;

    void Create(Hlong length) {
        Clear();
        detail::Check("create_tuple", create_tuple(&t_, length));
    }
    void Grow(Hlong length) {
        if (length > Length()) {
            CTuple();
            detail::Check("resize_tuple", resize_tuple(t_, length));
        }
    }
    /* Checks element `index` for a typed read; DOUBLE_PAR accepts integers, as get_d converts them. */
    void Access(Hlong index, int type) const {
        if (index < 0 || index >= Length()) {
            throw HTupleAccessException("HTuple element access", H_ERR_TUPLE_ACCESS_INDEX);
        }
        int actual = get_type(t_, index);
        if (actual != type && !(type == DOUBLE_PAR && actual == LONG_PAR)) {
            throw HTupleAccessException("HTuple element access", H_ERR_TUPLE_ACCESS_TYPE);
        }
    }
    static void CopyElement(Htuple from, Hlong i, Htuple to, Hlong j) {
        switch (get_type(from, i)) {
        case LONG_PAR: set_i(to, get_i(from, i), j); break;
        case DOUBLE_PAR: set_d(to, get_d(from, i), j); break;
        case STRING_PAR: set_s(to, get_s(from, i), j); break;
        case HANDLE_PAR: set_h(to, get_h(from, i), j); break;
        default: break;
        }
    }

    mutable Htuple t_ = nullptr;
};

/* A handle of any type; the base of the handle classes. Holds one reference while it names a handle: a one-element
 * tuple, so copies add a reference (copy_tuple) and the member functions pass it to operators without a copy. */
class HHandle {
public:
    HHandle() = default;
    /* The handle element 0 of `tuple` (HALCON's HHandle(const HTuple&)); a tuple without a handle there throws. */
    explicit HHandle(const HTuple& tuple);
    HHandle(const HHandle&) = default;
    HHandle(HHandle&&) noexcept = default;
    HHandle& operator=(const HHandle&) = default;
    HHandle& operator=(HHandle&&) noexcept = default;
    virtual ~HHandle() = default;

    bool IsInitialized() const { return Id() != 0; }
    /* The handle's number (0 for none): what a C program finds in a HANDLE_PAR element. */
    Hphandle Id() const { return ref_.Length() == 0 ? 0 : get_h(ref_.CTuple(), 0); }
    /* Releases the resource now (clear_handle); copies of this handle then raise 2454. */
    void ClearHandle() const {
        if (ref_.Length() > 0) {
            detail::Check("clear_handle", T_clear_handle(ref_.CTuple()));
        }
    }
    /* The handle as a one-element tuple, for operators (no copy); empty when uninitialized. */
    const HTuple& Tuple() const { return ref_; }
    /* The C tuple holding the handle, for C calls; NULL when uninitialized. */
    Htuple CTuple() const { return ref_.Length() == 0 ? nullptr : ref_.CTuple(); }

private:
    HTuple ref_;
};

inline HTuple::HTuple(const HHandle& handle) : HTuple(handle.Tuple()) {}

inline HHandle::HHandle(const HTuple& tuple) {
    if (tuple.Length() == 0 || get_type(tuple.CTuple(), 0) != HANDLE_PAR) {
        throw HTupleAccessException("HHandle from HTuple", H_ERR_TUPLE_ACCESS_TYPE);
    }
    Hphandle id = get_h(tuple.CTuple(), 0);
    if (tuple.Length() == 1) {
        ref_ = tuple;
    } else if (id != 0) {
        Htuple one;
        detail::Check("create_tuple_h", create_tuple_h(&one, id));
        ref_ = HTuple::Adopt(one);
    }
}

/* One element of an HTuple: reads typed, converts, and writes back into its tuple. */
class HTupleElement {
public:
    HTupleElement(HTuple* tuple, Hlong index) : tuple_(tuple), index_(index) {}

    int Type() const { return index_ < tuple_->Length() ? get_type(tuple_->t_, index_) : UNDEF_PAR; }
    int I() const { return static_cast<int>(L()); }
    Hlong L() const { return tuple_->Access(index_, LONG_PAR), get_i(tuple_->t_, index_); }
    double D() const {
        tuple_->Access(index_, DOUBLE_PAR);
        return get_d(tuple_->t_, index_);
    }
    HString S() const { return tuple_->Access(index_, STRING_PAR), HString(get_s(tuple_->t_, index_)); }
    HHandle H() const;
    operator Hlong() const { return L(); }
    operator int() const { return I(); }
    operator double() const { return D(); }
    operator HString() const { return S(); }

    HTupleElement& operator=(Hlong value) { return Grow(), Set(set_i(tuple_->t_, value, index_)); }
    HTupleElement& operator=(int value) { return *this = static_cast<Hlong>(value); }
    HTupleElement& operator=(double value) { return Grow(), Set(set_d(tuple_->t_, value, index_)); }
    HTupleElement& operator=(const char* value) { return Grow(), Set(set_s(tuple_->t_, value, index_)); }
    HTupleElement& operator=(const HString& value) { return *this = value.Text(); }
    HTupleElement& operator=(const HHandle& value) { return Grow(), Set(set_h(tuple_->t_, value.Id(), index_)); }
    HTupleElement& operator=(const HTupleElement& other) {
        HTuple value(other); // other may be an element of the same tuple
        Grow();
        HTuple::CopyElement(value.CTuple(), 0, tuple_->t_, index_);
        return *this;
    }

private:
    friend class HTuple;
    void Grow() {
        if (index_ < 0) {
            throw HTupleAccessException("HTuple element access", H_ERR_TUPLE_ACCESS_INDEX);
        }
        tuple_->Grow(index_ + 1);
    }
    HTupleElement& Set(Herror rc) {
        detail::Check("HTuple element", rc);
        return *this;
    }
    HTuple* tuple_;
    Hlong index_;
};

inline HTupleElement HTuple::operator[](Hlong index) { return HTupleElement(this, index); }
inline HTupleElement HTuple::operator[](Hlong index) const { return HTupleElement(const_cast<HTuple*>(this), index); }
inline HTupleElement HTuple::operator[](int index) { return (*this)[static_cast<Hlong>(index)]; }
inline HTupleElement HTuple::operator[](int index) const { return (*this)[static_cast<Hlong>(index)]; }

inline HTuple::HTuple(const HTupleElement& element) {
    Create(1);
    element.tuple_->Access(element.index_, element.Type() == UNDEF_PAR ? LONG_PAR : element.Type());
    CopyElement(element.tuple_->t_, element.index_, t_, 0);
}

inline HHandle HTuple::H() const { return Access(0, HANDLE_PAR), HHandle(*this); }

inline HHandle HTupleElement::H() const { return HHandle(HTuple(*this)); }

/* Prints a tuple in HDevelop's notation, handles as <handle>. */
inline std::ostream& operator<<(std::ostream& out, const HTuple& t) {
    out << '[';
    for (Hlong i = 0; i < t.Length(); i++) {
        out << (i > 0 ? ", " : "");
        switch (t[i].Type()) {
        case LONG_PAR: out << t[i].L(); break;
        case DOUBLE_PAR: out << t[i].D(); break;
        case STRING_PAR: out << '\'' << t[i].S() << '\''; break;
        case HANDLE_PAR: out << "<handle>"; break;
        default: out << '?'; break;
        }
    }
    return out << ']';
}

/* An iconic object (a tuple of images). Copies share it; the last one releases it. */
class HObject {
public:
    HObject() = default;
    /* Takes over an object an operator created. */
    static HObject Adopt(Hobject key) {
        HObject o;
        o.Reset(key);
        return o;
    }
    bool IsInitialized() const { return key_ != nullptr; }
    Hobject Key() const { return key_ == nullptr ? nullptr : key_->key; }
    Hlong CountObj() const {
        Hlong n = 0;
        if (key_ != nullptr) {
            detail::Check("count_obj", count_obj(key_->key, &n));
        }
        return n;
    }
    /* Replaces the object (the old one is released when its last copy goes). */
    void Reset(Hobject key) { key_ = key == nullptr ? nullptr : std::make_shared<Owned>(key); }

private:
    struct Owned {
        explicit Owned(Hobject k) : key(k) {}
        Owned(const Owned&) = delete;
        Owned& operator=(const Owned&) = delete;
        ~Owned() { clear_obj(key); }
        Hobject key;
    };
    std::shared_ptr<Owned> key_;
};

namespace detail {
/* An operator's output tuple: handed to the target HTuple after the call, destroyed when there is no target. Only a
 * successful call sets it; after a failure the target keeps its value. */
class TupleOut {
public:
    explicit TupleOut(HTuple* target) : target_(target) {}
    TupleOut(const TupleOut&) = delete;
    TupleOut& operator=(const TupleOut&) = delete;
    ~TupleOut() {
        if (raw_ == nullptr) {
            return;
        }
        if (target_ != nullptr) {
            *target_ = HTuple::Adopt(raw_);
        } else {
            destroy_tuple(raw_);
        }
    }
    Htuple* Address() { return &raw_; }

private:
    HTuple* target_;
    Htuple raw_ = nullptr;
};

class ObjectOut {
public:
    explicit ObjectOut(HObject* target) : target_(target) {}
    ObjectOut(const ObjectOut&) = delete;
    ObjectOut& operator=(const ObjectOut&) = delete;
    ~ObjectOut() {
        if (raw_ == nullptr) {
            return;
        }
        if (target_ != nullptr) {
            target_->Reset(raw_);
        } else {
            clear_obj(raw_);
        }
    }
    Hobject* Address() { return &raw_; }

private:
    HObject* target_;
    Hobject raw_ = nullptr;
};
} // namespace detail

} // namespace HalconCpp

/* The global operator functions, generated from HalconC.h. */
#include "HalconCppOperators.h"

namespace HalconCpp {

/* An image object with HALCON's HImage member functions for the image operators hprune offers. */
class HImage : public HObject {
public:
    HImage() = default;
    HImage(const HObject& object) : HObject(object) {}
    explicit HImage(const HString& file_name) { ReadImage(file_name); }
    explicit HImage(const char* file_name) { ReadImage(HString(file_name)); }
    HImage(const HString& type, Hlong width, Hlong height) { GenImageConst(type, width, height); }

    void ReadImage(const HString& file_name) { HalconCpp::ReadImage(this, HTuple(file_name)); }
    void GenImageConst(const HString& type, Hlong width, Hlong height) {
        HalconCpp::GenImageConst(this, HTuple(type), HTuple(width), HTuple(height));
    }
    /* The pixel buffers are copied; pass their addresses as integers (HALCON's Hlong pointers). */
    void GenImage1(const HString& type, Hlong width, Hlong height, void* pixel_pointer) {
        HalconCpp::GenImage1(this, HTuple(type), HTuple(width), HTuple(height), Pointer(pixel_pointer));
    }
    void GenImage3(const HString& type, Hlong width, Hlong height, void* red, void* green, void* blue) {
        HalconCpp::GenImage3(this, HTuple(type), HTuple(width), HTuple(height), Pointer(red), Pointer(green),
                             Pointer(blue));
    }
    void GetImageSize(HTuple* width, HTuple* height) const { HalconCpp::GetImageSize(*this, width, height); }
    void GetImageSize(Hlong* width, Hlong* height) const {
        HTuple w, h;
        GetImageSize(&w, &h);
        *width = w.L();
        *height = h.L();
    }
    HTuple CountChannels() const {
        HTuple channels;
        HalconCpp::CountChannels(*this, &channels);
        return channels;
    }
    HImage ZoomImageSize(Hlong width, Hlong height, const HString& interpolation) const {
        HImage zoomed;
        HalconCpp::ZoomImageSize(*this, &zoomed, HTuple(width), HTuple(height), HTuple(interpolation));
        return zoomed;
    }
    HImage ConvertImageType(const HString& new_type) const {
        HImage converted;
        HalconCpp::ConvertImageType(*this, &converted, HTuple(new_type));
        return converted;
    }
    HImage Compose3(const HImage& image2, const HImage& image3) const {
        HImage composed;
        HalconCpp::Compose3(*this, image2, image3, &composed);
        return composed;
    }
    /* The first channel; the second and third into image2 and image3. */
    HImage Decompose3(HImage* image2, HImage* image3) const {
        HImage image1;
        HalconCpp::Decompose3(*this, &image1, image2, image3);
        return image1;
    }

private:
    static HTuple Pointer(void* p) { return HTuple(static_cast<Hlong>(reinterpret_cast<intptr_t>(p))); }
};

/* A dictionary handle. */
class HDict : public HHandle {
public:
    HDict() = default;
    explicit HDict(const HHandle& handle) : HHandle(handle) {}
    explicit HDict(const HTuple& tuple) : HHandle(tuple) {}

    void CreateDict() { *this = Output([](HTuple* t) { HalconCpp::CreateDict(t); }); }
    void ReadDict(const HTuple& file_name, const HTuple& gen_param_name, const HTuple& gen_param_value) {
        *this = Output([&](HTuple* t) { HalconCpp::ReadDict(file_name, gen_param_name, gen_param_value, t); });
    }
    void WriteDict(const HTuple& file_name, const HTuple& gen_param_name, const HTuple& gen_param_value) const {
        HalconCpp::WriteDict(Tuple(), file_name, gen_param_name, gen_param_value);
    }
    HDict CopyDict(const HTuple& gen_param_name, const HTuple& gen_param_value) const {
        return Output([&](HTuple* t) { HalconCpp::CopyDict(Tuple(), gen_param_name, gen_param_value, t); });
    }
    void SetDictTuple(const HTuple& key, const HTuple& tuple) const { HalconCpp::SetDictTuple(Tuple(), key, tuple); }
    HTuple GetDictTuple(const HTuple& key) const {
        HTuple tuple;
        HalconCpp::GetDictTuple(Tuple(), key, &tuple);
        return tuple;
    }
    void SetDictObject(const HObject& object, const HTuple& key) const {
        HalconCpp::SetDictObject(object, Tuple(), key);
    }
    HObject GetDictObject(const HTuple& key) const {
        HObject object;
        HalconCpp::GetDictObject(&object, Tuple(), key);
        return object;
    }
    HTuple GetDictParam(const HString& gen_param_name, const HTuple& key) const {
        HTuple value;
        HalconCpp::GetDictParam(Tuple(), HTuple(gen_param_name), key, &value);
        return value;
    }
    void RemoveDictKey(const HTuple& key) const { HalconCpp::RemoveDictKey(Tuple(), key); }

private:
    template <typename F>
    static HDict Output(F call) {
        HTuple t;
        call(&t);
        return HDict(t);
    }
};

class HDlPrune;

/* A deep-learning model handle. */
class HDlModel : public HHandle {
public:
    HDlModel() = default;
    explicit HDlModel(const HHandle& handle) : HHandle(handle) {}
    explicit HDlModel(const HTuple& tuple) : HHandle(tuple) {}
    /* HALCON's constructor that reads a model (read_dl_model). */
    explicit HDlModel(const HString& file_name) { ReadDlModel(file_name); }
    explicit HDlModel(const char* file_name) { ReadDlModel(HString(file_name)); }

    void ReadDlModel(const HString& file_name) {
        HTuple t;
        HalconCpp::ReadDlModel(HTuple(file_name), &t);
        *this = HDlModel(t);
    }
    void WriteDlModel(const HString& file_name) const { HalconCpp::WriteDlModel(Tuple(), HTuple(file_name)); }
    void SetDlModelParam(const HString& gen_param_name, const HTuple& gen_param_value) const {
        HalconCpp::SetDlModelParam(Tuple(), HTuple(gen_param_name), gen_param_value);
    }
    HTuple GetDlModelParam(const HString& gen_param_name) const {
        HTuple value;
        HalconCpp::GetDlModelParam(Tuple(), HTuple(gen_param_name), &value);
        return value;
    }
    /* DLSampleBatch and the result: tuples of dict handles (HALCON's HDictArray). */
    HTuple ApplyDlModel(const HTuple& dl_sample_batch, const HTuple& outputs) const {
        HTuple results;
        HalconCpp::ApplyDlModel(Tuple(), dl_sample_batch, outputs, &results);
        return results;
    }
    HDict TrainDlModelBatch(const HTuple& dl_sample_batch) const {
        HTuple result;
        HalconCpp::TrainDlModelBatch(Tuple(), dl_sample_batch, &result);
        return HDict(result);
    }
    void ClearDlModel() const { HalconCpp::ClearDlModel(Tuple()); }
    /* HALCON offers the pruning operators on both handle classes. */
    void AddDlPruningBatch(const HDlPrune& dl_pruning_handle, const HTuple& dl_sample_batch) const;
    HDlModel GenDlPrunedModel(const HDlPrune& dl_pruning_handle) const;
};

/* A pruning handle (create_dl_pruning). */
class HDlPrune : public HHandle {
public:
    HDlPrune() = default;
    explicit HDlPrune(const HHandle& handle) : HHandle(handle) {}
    explicit HDlPrune(const HTuple& tuple) : HHandle(tuple) {}
    HDlPrune(const HDlModel& dl_model_handle, const HString& mode, const HDict& gen_param) {
        CreateDlPruning(dl_model_handle, mode, gen_param);
    }

    void CreateDlPruning(const HDlModel& dl_model_handle, const HString& mode, const HDict& gen_param) {
        HTuple t;
        HalconCpp::CreateDlPruning(dl_model_handle.Tuple(), HTuple(mode), gen_param.Tuple(), &t);
        *this = HDlPrune(t);
    }
    HTuple GetDlPruningParam(const HString& gen_param_name) const {
        HTuple value;
        HalconCpp::GetDlPruningParam(Tuple(), HTuple(gen_param_name), &value);
        return value;
    }
    HTuple GetDlPruningParam(const char* gen_param_name) const { return GetDlPruningParam(HString(gen_param_name)); }
    void SetDlPruningParam(const HString& gen_param_name, const HTuple& gen_param_value) const {
        HalconCpp::SetDlPruningParam(Tuple(), HTuple(gen_param_name), gen_param_value);
    }
    void SetDlPruningParam(const char* gen_param_name, const HTuple& gen_param_value) const {
        SetDlPruningParam(HString(gen_param_name), gen_param_value);
    }
    void AddDlPruningBatch(const HDlModel& dl_model_handle_to_prune, const HTuple& dl_sample_batch) const {
        HalconCpp::AddDlPruningBatch(dl_model_handle_to_prune.Tuple(), Tuple(), dl_sample_batch);
    }
    HDlModel GenDlPrunedModel(const HDlModel& dl_model_handle_to_prune) const {
        HTuple pruned;
        HalconCpp::GenDlPrunedModel(dl_model_handle_to_prune.Tuple(), Tuple(), &pruned);
        return HDlModel(pruned);
    }
    /* hprune's own, beyond HALCON's table: oracle scores that travel between processes. */
    void WriteDlPruningScores(const HString& file_name) const {
        HalconCpp::WriteDlPruningScores(Tuple(), HTuple(file_name));
    }
    void WriteDlPruningScores(const char* file_name) const { WriteDlPruningScores(HString(file_name)); }
    void ReadDlPruningScores(const HString& file_name) const {
        HalconCpp::ReadDlPruningScores(Tuple(), HTuple(file_name));
    }
    void ReadDlPruningScores(const char* file_name) const { ReadDlPruningScores(HString(file_name)); }
    void AddDlPruningScores(const HDlPrune& dl_pruning_handle_other) const {
        HalconCpp::AddDlPruningScores(Tuple(), dl_pruning_handle_other.Tuple());
    }
};

inline void HDlModel::AddDlPruningBatch(const HDlPrune& dl_pruning_handle, const HTuple& dl_sample_batch) const {
    dl_pruning_handle.AddDlPruningBatch(*this, dl_sample_batch);
}

inline HDlModel HDlModel::GenDlPrunedModel(const HDlPrune& dl_pruning_handle) const {
    return dl_pruning_handle.GenDlPrunedModel(*this);
}

} // namespace HalconCpp

#endif
