package dev.hprune.halcon;

import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.handle.HandleType;

/** A HALCON dictionary handle with the dict operators as methods. */
public class HDict extends HHandle {
    /** A new, empty dict (HALCON's {@code create_dict}). */
    public HDict() {
        super(Operator.call("create_dict", DictOperators::createDict));
    }

    /** A dict view of a handle, which must be a live dict handle (else 2453/2450/2454/2404). */
    public HDict(HHandle handle) {
        super(handle, HandleType.DICT, "create_dict");
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
}
