"""Exports torchvision classifiers and counts their cost with torch itself, for ModelCost's cross-check.

  torch_costs.py DIR NAME...   writes DIR/NAME.onnx (random weights, opset 13, BatchNormalization kept) and
                               DIR/NAME.costs with one line per Conv2d and Linear in the order they run
                               ("layer <kind> <out channels or features> <MACs>"), then "macs <total>" and
                               "parameters <float elements of the ONNX file's initializers and Constant nodes>".

MACs per image come from forward hooks on the torch modules: output elements x (in channels / groups x kernel area)
for a convolution, output elements x in features for a linear layer. Nothing here reads our shape inference.
"""
import sys

import numpy
import onnx
import torch
import torch.nn as nn
import torchvision

# name: (constructor, height and width of the export)
MODELS = {
    "mobilenet_v3_small": (lambda: torchvision.models.mobilenet_v3_small(weights=None), 64),
    "resnet18": (lambda: torchvision.models.resnet18(weights=None), 64),
    "efficientnet_b0": (lambda: torchvision.models.efficientnet_b0(weights=None), 64),
}


def torch_costs(model, size):
    layers = []

    def hook(module, args, output):
        if isinstance(module, nn.Conv2d):
            per_output = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            layers.append(("Conv", module.out_channels, output.numel() * per_output))
        else:
            layers.append(("Gemm", module.out_features, output.numel() * module.in_features))

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(torch.zeros(1, 3, size, size))
    for h in handles:
        h.remove()
    return layers


def onnx_parameters(path):
    graph = onnx.load(path).graph
    count = sum(int(numpy.prod(t.dims)) for t in graph.initializer if t.data_type == onnx.TensorProto.FLOAT)
    for node in graph.node:
        if node.op_type == "Constant":
            for a in node.attribute:
                if a.name == "value" and a.t.data_type == onnx.TensorProto.FLOAT:
                    count += int(numpy.prod(a.t.dims))
    return count


def main(directory, names):
    for name in names:
        constructor, size = MODELS[name]
        torch.manual_seed(0)
        model = constructor().eval()
        path = f"{directory}/{name}.onnx"
        torch.onnx.export(model, torch.zeros(1, 3, size, size), path, opset_version=13,
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
                          input_names=["image"], output_names=["logits"],
                          dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}})
        layers = torch_costs(model, size)
        with open(f"{directory}/{name}.costs", "w") as out:
            for kind, kernels, macs in layers:
                out.write(f"layer {kind} {kernels} {macs}\n")
            out.write(f"macs {sum(m for _, _, m in layers)}\n")
            out.write(f"parameters {onnx_parameters(path)}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
