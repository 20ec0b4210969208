package dev.hprune.halcon;

import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.dictfile.DictFiles;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleType;
import java.util.List;

/** A HALCON dictionary handle with the dict operators as methods. */
public class HDict extends HHandle {
    /** A new, empty dict (HALCON's {@code create_dict}). */
    public HDict() {
        super(Operator.call("create_dict", DictOperators::createDict));
    }

    /** The dict a file holds (HALCON's {@code read_dict}); see {@link HOperatorSet#ReadDict}. */
    public HDict(String fileName, HTuple genParamName, HTuple genParamValue) {
        super(Operator.call("read_dict", () -> DictFiles.readDict(List.of(fileName),
                Operator.in(genParamName), Operator.in(genParamValue))));
    }

    /** A dict view of a handle, which must be a live dict handle (else 2453/2450/2454/2404). */
    public HDict(HHandle handle) {
        super(handle, HandleType.DICT, "create_dict");
    }

    /** A dict an operator just created: nothing to check. */
    HDict(Handle handle) {
        super(handle);
    }

    /** Replaces this object's handle by a new, empty dict. */
    public void CreateDict() {
        rebind(Operator.call("create_dict", DictOperators::createDict));
    }

    public void SetDictTuple(HTuple key, HTuple tuple) {
        HOperatorSet.SetDictTuple(new HTuple(this), key, tuple);
    }

    public void SetDictTuple(String key, HTuple tuple) {
        SetDictTuple(new HTuple(key), tuple);
    }

    public HTuple GetDictTuple(HTuple key) {
        HTuple tuple = new HTuple();
        HOperatorSet.GetDictTuple(new HTuple(this), key, tuple);
        return tuple;
    }

    public HTuple GetDictTuple(String key) {
        return GetDictTuple(new HTuple(key));
    }

    public void SetDictObject(HObject object, HTuple key) {
        HOperatorSet.SetDictObject(object, new HTuple(this), key);
    }

    public void SetDictObject(HObject object, String key) {
        SetDictObject(object, new HTuple(key));
    }

    public HObject GetDictObject(HTuple key) {
        HObject object = new HObject();
        HOperatorSet.GetDictObject(object, new HTuple(this), key);
        return object;
    }

    public HObject GetDictObject(String key) {
        return GetDictObject(new HTuple(key));
    }

    public HTuple GetDictParam(String genParamName, HTuple key) {
        HTuple value = new HTuple();
        HOperatorSet.GetDictParam(new HTuple(this), new HTuple(genParamName), key, value);
        return value;
    }

    /**
     * {@code Dict.Key[Index]} of HDevelop's dict access syntax: the elements of the stored tuple at the 0-based indices
     * (2894 missing key, 2896 key holds an object, 2897 index outside the tuple).
     */
    public HTuple GetDictTupleAt(HTuple key, HTuple index) {
        HTuple elements = new HTuple();
        Operator.run("get_dict_tuple_at", () -> Operator.out(elements, DictOperators.getDictTupleAt(
                Operator.in(new HTuple(this)), Operator.in(key), Operator.in(index))));
        return elements;
    }

    /**
     * {@code Dict.Key[Index] := Value} of HDevelop's dict access syntax: one value for all indices or one per index (else
     * 2895); an index just past the end appends, further out is 2897.
     */
    public void SetDictTupleAt(HTuple key, HTuple index, HTuple value) {
        Operator.run("set_dict_tuple_at", () -> DictOperators.setDictTupleAt(
                Operator.in(new HTuple(this)), Operator.in(key), Operator.in(index), Operator.in(value)));
    }

    public void RemoveDictKey(HTuple key) {
        HOperatorSet.RemoveDictKey(new HTuple(this), key);
    }

    public void RemoveDictKey(String key) {
        RemoveDictKey(new HTuple(key));
    }

    /** Replaces this object's handle by the dict a file holds (HALCON's {@code read_dict}). */
    public void ReadDict(String fileName, HTuple genParamName, HTuple genParamValue) {
        rebind(Operator.call("read_dict", () -> DictFiles.readDict(List.of(fileName),
                Operator.in(genParamName), Operator.in(genParamValue))));
    }

    public void WriteDict(String fileName, HTuple genParamName, HTuple genParamValue) {
        HOperatorSet.WriteDict(new HTuple(this), new HTuple(fileName), genParamName, genParamValue);
    }

    public void WriteDict(String fileName, String genParamName, String genParamValue) {
        WriteDict(fileName, new HTuple(genParamName), new HTuple(genParamValue));
    }

    /** A deep copy (HALCON's {@code copy_dict}): nested dicts and models are copied, not shared. */
    public HDict CopyDict(HTuple genParamName, HTuple genParamValue) {
        HTuple copied = new HTuple();
        HOperatorSet.CopyDict(new HTuple(this), genParamName, genParamValue, copied);
        return new HDict(copied.getH(0));
    }

    public HDict CopyDict(String genParamName, String genParamValue) {
        return CopyDict(new HTuple(genParamName), new HTuple(genParamValue));
    }
}
