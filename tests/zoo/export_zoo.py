#!/usr/bin/python3
"""Exports the model zoo of ModelZooTest: ONNX classifiers as users produce them, written once into a user-level cache.

  export_zoo.py            exports into ${XDG_CACHE_HOME:-$HOME/.cache}/hprune/zoo/<key>/ unless that directory is
                           complete, then prints the directory (last line of stdout)
  export_zoo.py --dir      only prints the directory
  export_zoo.py DIR        exports into DIR (no cache)

<key> hashes this script and the torch, torchvision and onnx versions, so a change to either exports again, and a clean
clone on the same machine reuses the files. The directory holds NAME.onnx per model and manifest.jsonl, one flat JSON
object per model and line: name, file, input [C, H, W], classes, image_range [min, max], output (logits, softmax or
log_softmax), family, bn (folded, kept or none), opset, notes. 'complete' marks a finished export.

Weights are random with fixed seeds. BatchNormalization statistics come from a few forward passes in training mode on
random images (so they are neither 0/1 nor arbitrary), and each BatchNormalization's scale and shift are drawn at random,
so that folding them into convolutions changes the weights. The last layer is rescaled so the logits spread over a few
units (a softmax that is neither uniform nor one-hot, which is what makes confidence comparisons meaningful).
"""
import hashlib
import json
import os
import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision import models as tv

warnings.filterwarnings("ignore")
CLASSES = 10
HIDDEN = 256  # hidden width of AlexNet's and VGG's dense heads (4096 in torchvision)
SIZES = (32, 48, 64, 75, 96, 128, 160, 224)  # tried in order: the smallest that runs and exports is used
TV_OPSET = 13


def cache_dir():
    import onnx
    digest = hashlib.sha256()
    with open(os.path.abspath(__file__), "rb") as f:
        digest.update(f.read())
    digest.update(f"{torch.__version__} {torchvision.__version__} {onnx.__version__}".encode())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "hprune", "zoo", digest.hexdigest()[:16])


# ---------------------------------------------------------------------------------------------------------------------
# torchvision's classifiers


def small_dense_head(model, features):
    """AlexNet/VGG: the 4096-wide hidden dense layers become HIDDEN wide, the adaptive pooling to 6x6/7x7 becomes 1x1
    (at small inputs ONNX export needs the pooled size to divide the feature size). The pattern (Dropout, Linear, ReLU,
    Dropout, Linear, ReLU, Linear) stays."""
    model.avgpool = nn.AdaptiveAvgPool2d((1, 1))
    head = model.classifier
    linear = [i for i, m in enumerate(head) if isinstance(m, nn.Linear)]
    widths = [features, HIDDEN, HIDDEN, CLASSES]
    for k, i in enumerate(linear):
        head[i] = nn.Linear(widths[k], widths[k + 1])
    return model


TORCHVISION = {
    # name: (constructor, family, notes)
    "alexnet": (lambda: small_dense_head(tv.alexnet(num_classes=CLASSES), 256), "AlexNet",
                f"hidden dense 4096->{HIDDEN}, adaptive pool 6x6->1x1"),
    "vgg11": (lambda: small_dense_head(tv.vgg11(num_classes=CLASSES), 512), "VGG",
              f"hidden dense 4096->{HIDDEN}, adaptive pool 7x7->1x1"),
    "vgg11_bn": (lambda: small_dense_head(tv.vgg11_bn(num_classes=CLASSES), 512), "VGG",
                 f"hidden dense 4096->{HIDDEN}, adaptive pool 7x7->1x1"),
    "squeezenet1_0": (lambda: tv.squeezenet1_0(num_classes=CLASSES), "SqueezeNet", ""),
    "squeezenet1_1": (lambda: tv.squeezenet1_1(num_classes=CLASSES), "SqueezeNet", ""),
    "googlenet": (lambda: tv.googlenet(num_classes=CLASSES, aux_logits=False, init_weights=True), "GoogLeNet",
                  "no auxiliary heads"),
    "inception_v3": (lambda: tv.inception_v3(num_classes=CLASSES, aux_logits=False, init_weights=True),
                     "Inception", "no auxiliary head"),
    "densenet121": (lambda: tv.densenet121(num_classes=CLASSES), "DenseNet", ""),
    "shufflenet_v2_x0_5": (lambda: tv.shufflenet_v2_x0_5(num_classes=CLASSES), "ShuffleNetV2", ""),
    "mobilenet_v2": (lambda: tv.mobilenet_v2(num_classes=CLASSES), "MobileNetV2", ""),
    "mobilenet_v3_small": (lambda: tv.mobilenet_v3_small(num_classes=CLASSES), "MobileNetV3", ""),
    "mobilenet_v3_large": (lambda: tv.mobilenet_v3_large(num_classes=CLASSES), "MobileNetV3", ""),
    "mnasnet0_5": (lambda: tv.mnasnet0_5(num_classes=CLASSES), "MnasNet", ""),
    "efficientnet_b0": (lambda: tv.efficientnet_b0(num_classes=CLASSES), "EfficientNet", ""),
    "efficientnet_v2_s": (lambda: tv.efficientnet_v2_s(num_classes=CLASSES), "EfficientNetV2", ""),
    "regnet_x_400mf": (lambda: tv.regnet_x_400mf(num_classes=CLASSES), "RegNet", ""),
    "regnet_y_400mf": (lambda: tv.regnet_y_400mf(num_classes=CLASSES), "RegNet", ""),
    "resnet18": (lambda: tv.resnet18(num_classes=CLASSES), "ResNet", ""),
    "resnet50": (lambda: tv.resnet50(num_classes=CLASSES), "ResNet", ""),
    "resnext50_32x4d": (lambda: tv.resnext50_32x4d(num_classes=CLASSES), "ResNeXt", ""),
    "wide_resnet50_2": (lambda: tv.wide_resnet50_2(num_classes=CLASSES), "Wide ResNet", ""),
    "convnext_tiny": (lambda: tv.convnext_tiny(num_classes=CLASSES), "ConvNeXt", ""),
}
# exported a second time with BatchNormalization kept as nodes, as NAME_keepbn (the rest only folded); a representative
# subset, to keep the zoo's CI time near ten minutes on two cores
BN_KEPT = {"resnet18", "mobilenet_v2", "mobilenet_v3_small", "mobilenet_v3_large", "efficientnet_b0", "densenet121"}


# ---------------------------------------------------------------------------------------------------------------------
# hand-written models in the export styles users produce


class DynamicFlattenCnn(nn.Module):
    """x.view(x.size(0), -1): with a dynamic batch this exports as Shape, Gather, Unsqueeze, Concat, Reshape."""

    def __init__(self):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16)
        self.conv2, self.bn2 = nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32)
        self.fc = nn.Linear(32 * 8 * 8, CLASSES)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        return self.fc(x.view(x.size(0), -1))


class NormalisingCnn(nn.Module):
    """(x - mean) / std inside the graph (Sub and Div by constants), images in [0, 1], Softmax output."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.body = nn.Sequential(
            nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, CLASSES))

    def forward(self, x):
        return F.softmax(self.body((x - self.mean) / self.std), dim=1)


class OpsetCnn(nn.Module):
    """One model for the opset series: ReLU6 (Clip: attributes up to opset 10, inputs from 11), Dropout, Flatten,
    GlobalAveragePool, Softmax."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU6(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU6(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(32, CLASSES))

    def forward(self, x):
        return F.softmax(self.body(x), dim=1)


class KerasNhwcCnn(nn.Module):
    """A Keras MNIST CNN as TF exports it: the features transposed to NHWC before Flatten and the dense layer."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.fc = nn.Linear(5 * 5 * 64, CLASSES)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x.permute(0, 2, 3, 1), 1)
        return F.softmax(self.fc(F.dropout(x, 0.5, self.training)), dim=1)


class DenseHeadCnn(nn.Module):
    """Two hidden dense layers with Dropout (conv ... Flatten, Gemm, Relu, Dropout, Gemm, Relu, Dropout, Gemm)."""

    def __init__(self, output):
        super().__init__()
        self.output = output
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(
            nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, CLASSES))

    def forward(self, x):
        logits = self.head(self.features(x))
        if self.output == "softmax":
            return F.softmax(logits, dim=1)
        if self.output == "log_softmax":
            return F.log_softmax(logits, dim=1)
        return logits


class LeNet(nn.Module):
    """LeNet-5 as tutorials write it: dense 120 and 84 without Dropout."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1, self.fc2, self.fc3 = nn.Linear(16 * 5 * 5, 120), nn.Linear(120, 84), nn.Linear(84, CLASSES)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class MeanHeadCnn(nn.Module):
    """Global average pooling written as x.mean((2, 3)): ReduceMean over H and W."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 24, 3, padding=1), nn.BatchNorm2d(24), nn.ReLU(),
            nn.Conv2d(24, 48, 3, stride=2, padding=1), nn.BatchNorm2d(48), nn.ReLU(),
            nn.Conv2d(48, 64, 3, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU())
        self.fc = nn.Linear(64, CLASSES)

    def forward(self, x):
        return self.fc(self.body(x).mean((2, 3)))


class InvertedResidual(nn.Module):
    def __init__(self, channels, expand):
        super().__init__()
        hidden = channels * expand
        self.block = nn.Sequential(
            nn.Conv2d(channels, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.ReLU(),
            nn.Conv2d(hidden, hidden, 3, padding=1, groups=hidden, bias=False), nn.BatchNorm2d(hidden), nn.ReLU(),
            nn.Conv2d(hidden, channels, 1, bias=False), nn.BatchNorm2d(channels))

    def forward(self, x):
        return x + self.block(x)


class ResidualDepthwiseCnn(nn.Module):
    """Residual blocks with depthwise convolutions and a ReduceMean head (x.mean((2, 3)))."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.stage1 = nn.Sequential(InvertedResidual(16, 4), InvertedResidual(16, 4))
        self.down = nn.Sequential(nn.Conv2d(16, 32, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU())
        self.stage2 = nn.Sequential(InvertedResidual(32, 4), InvertedResidual(32, 4))
        self.last = nn.Sequential(nn.Conv2d(32, 96, 1, bias=False), nn.BatchNorm2d(96), nn.ReLU())
        self.fc = nn.Linear(96, CLASSES)

    def forward(self, x):
        x = self.last(self.stage2(self.down(self.stage1(self.stem(x)))))
        return self.fc(x.mean((2, 3)))


class SingleConcatCnn(nn.Module):
    """torch.cat([x], 1) between convolutions: a Concat with one input (DenseNet writes this)."""

    def __init__(self):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16)
        self.conv2, self.bn2 = nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32)
        self.fc = nn.Linear(32, CLASSES)

    def forward(self, x):
        x = torch.cat([F.relu(self.bn1(self.conv1(x)))], 1)
        x = F.relu(self.bn2(self.conv2(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


HANDWRITTEN = {
    # name: (constructor, [C, H, W], image range, output, opset, notes)
    "dynamic_flatten_cnn": (DynamicFlattenCnn, [3, 32, 32], [0.0, 1.0], "logits", 13, "x.view(x.size(0), -1)"),
    "normalising_cnn": (NormalisingCnn, [3, 32, 32], [0.0, 1.0], "softmax", 13, "(x - mean) / std in the graph"),
    "opset9_cnn": (OpsetCnn, [3, 32, 32], [-1.0, 1.0], "softmax", 9, "ReLU6 as Clip with attributes"),
    "opset11_cnn": (OpsetCnn, [3, 32, 32], [-1.0, 1.0], "softmax", 11, "ReLU6 as Clip with inputs"),
    "opset13_cnn": (OpsetCnn, [3, 32, 32], [-1.0, 1.0], "softmax", 13, ""),
    "opset17_cnn": (OpsetCnn, [3, 32, 32], [-1.0, 1.0], "softmax", 17, ""),
    "keras_nhwc_cnn": (KerasNhwcCnn, [1, 28, 28], [0.0, 1.0], "softmax", 13, "Transpose to NHWC before Flatten"),
    "dense_head_softmax": (lambda: DenseHeadCnn("softmax"), [1, 28, 28], [0.0, 1.0], "softmax", 13,
                           "two hidden dense layers with Dropout"),
    "dense_head_log_softmax": (lambda: DenseHeadCnn("log_softmax"), [1, 28, 28], [0.0, 1.0], "log_softmax", 13,
                               "two hidden dense layers with Dropout"),
    "dense_head_logits": (lambda: DenseHeadCnn("logits"), [1, 28, 28], [0.0, 1.0], "logits", 13,
                          "two hidden dense layers with Dropout"),
    "lenet5": (LeNet, [1, 28, 28], [0.0, 1.0], "logits", 11, "dense 120, 84"),
    "mean_head_cnn": (MeanHeadCnn, [3, 32, 32], [-1.0, 1.0], "logits", 13, "x.mean((2, 3)) head"),
    "residual_depthwise_cnn": (ResidualDepthwiseCnn, [3, 32, 32], [-1.0, 1.0], "logits", 13,
                               "inverted residuals, depthwise, x.mean((2, 3)) head"),
    "single_concat_cnn": (SingleConcatCnn, [3, 32, 32], [-1.0, 1.0], "logits", 13, "torch.cat([x], 1)"),
}


# ---------------------------------------------------------------------------------------------------------------------


def settle(model, shape, low, high, seed):
    """Random BatchNormalization scale/shift, running statistics from three training-mode passes on random images,
    and the last layer scaled so that the logits' standard deviation is about 3."""
    generator = torch.Generator().manual_seed(seed)
    bns = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    with torch.no_grad():
        for bn in bns:
            bn.weight.copy_(torch.empty_like(bn.weight).uniform_(0.5, 1.5, generator=generator))
            bn.bias.copy_(torch.empty_like(bn.bias).normal_(0.0, 0.2, generator=generator))
            bn.reset_running_stats()
            bn.momentum = None  # cumulative average over the passes
        model.train()
        for _ in range(3 if bns else 0):
            model(low + (high - low) * torch.rand(8, *shape, generator=generator))
        for bn in bns:
            bn.momentum = 0.1
        model.eval()
        last = [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))][-1]
        seen = []
        hook = last.register_forward_hook(lambda module, args, out: seen.append(out))
        model(low + (high - low) * torch.rand(8, *shape, generator=generator))
        hook.remove()
        spread = seen[0].std().item()
        if spread > 0:
            last.weight.mul_(3.0 / spread)
            if last.bias is not None:
                last.bias.mul_(3.0 / spread)
    return model


def export_one(model, shape, path, opset, keep_bn):
    x = torch.zeros(1, *shape)
    mode = torch.onnx.TrainingMode.PRESERVE if keep_bn else torch.onnx.TrainingMode.EVAL
    torch.onnx.export(model, x, path, opset_version=opset, training=mode, do_constant_folding=not keep_bn,
                      input_names=["image"], output_names=["output"],
                      dynamic_axes={"image": {0: "batch"}, "output": {0: "batch"}})


def op_types(path):
    import onnx
    return [n.op_type for n in onnx.load(path).graph.node]


def smallest_size(make, directory):
    """The smallest square input of SIZES at which the model runs and exports."""
    model = make().eval()
    probe = os.path.join(directory, "probe.onnx")
    for size in SIZES:
        try:
            with torch.no_grad():
                model(torch.zeros(1, 3, size, size))
            export_one(model, [3, size, size], probe, TV_OPSET, False)
            os.remove(probe)
            return size
        except Exception:  # too small for this architecture; try the next size
            continue
    return None


def export(directory):
    os.makedirs(directory, exist_ok=True)
    entries = []

    def add(name, model, shape, image_range, output, family, bn, opset, notes):
        path = os.path.join(directory, name + ".onnx")
        export_one(model, shape, path, opset, bn == "kept")
        ops = op_types(path)
        if bn == "kept":
            expected = sum(1 for m in model.modules() if isinstance(m, nn.BatchNorm2d))
            found = ops.count("BatchNormalization")
            if found != expected:
                sys.exit(f"{name}: {found} BatchNormalization nodes in the ONNX file, the model has {expected}")
        entries.append({"name": name, "file": name + ".onnx", "input": shape, "classes": CLASSES,
                        "image_range": image_range, "output": output, "family": family, "bn": bn, "opset": opset,
                        "convs": ops.count("Conv"), "notes": notes})
        print(f"exported {name} {shape} ({os.path.getsize(path) // 1024} KiB)", file=sys.stderr, flush=True)

    for seed, (name, (make, family, notes)) in enumerate(TORCHVISION.items()):
        torch.manual_seed(seed)
        size = smallest_size(make, directory)
        if size is None:
            print(f"skipped {name}: exports at none of {SIZES}", file=sys.stderr)
            continue
        torch.manual_seed(seed)
        shape = [3, size, size]
        model = settle(make(), shape, -1.0, 1.0, seed)
        has_bn = any(isinstance(m, nn.BatchNorm2d) for m in model.modules())
        add(name, model, shape, [-1.0, 1.0], "logits", family, "folded" if has_bn else "none", TV_OPSET, notes)
        if name in BN_KEPT and has_bn:
            add(name + "_keepbn", model, shape, [-1.0, 1.0], "logits", family, "kept", TV_OPSET, notes)

    for seed, (name, (make, shape, image_range, output, opset, notes)) in enumerate(HANDWRITTEN.items(), 100):
        torch.manual_seed(seed if not name.startswith("opset") else 99)
        model = settle(make(), shape, image_range[0], image_range[1], seed if not name.startswith("opset") else 99)
        has_bn = any(isinstance(m, nn.BatchNorm2d) for m in model.modules())
        add(name, model, shape, image_range, output, "hand-written", "folded" if has_bn else "none", opset, notes)

    with open(os.path.join(directory, "manifest.jsonl"), "w") as f:
        for entry in entries:
            f.write(json.dumps(entry) + "\n")


def main(args):
    if args == ["--dir"]:
        print(cache_dir())
        return
    if len(args) == 1:
        export(args[0])
        return
    if args:
        sys.exit(__doc__)
    directory = cache_dir()
    if not os.path.exists(os.path.join(directory, "complete")):
        staging = directory + ".partial"
        export(staging)
        if os.path.exists(directory):
            import shutil
            shutil.rmtree(directory)
        os.rename(staging, directory)
        open(os.path.join(directory, "complete"), "w").close()
    print(directory)


if __name__ == "__main__":
    torch.set_num_threads(1)
    main(sys.argv[1:])
