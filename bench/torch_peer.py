#!/usr/bin/python3
"""The PyTorch side of hprune's comparison benchmark (bench/run.sh compare).

  torch_peer.py export DIR      writes mnist_cnn, resnet18, resnet50 and mobilenet_v2 (random weights, fixed seeds) to
                                DIR/NAME.onnx with BatchNormalization kept as its own nodes, and DIR/NAME.pt (weights)
  torch_peer.py serve DIR       reads one JSON request per line on stdin, times it, answers one JSON line on stdout

A request {"model": NAME, "work": "score"|"train"|"apply", "batch": B, "threads": T, "seconds": S, "size": [C, H, W]}
is answered with {"images_per_s": ..., "calls": ..., "max_rss_mb": ...}; {"work": "hello"} with the versions.

'score' is what AddDlPruningBatch computes: forward, then the gradient of the summed cross-entropy with respect to the
input of every convolution and dense layer (weights get no gradient), and per kernel the sum over samples of
|mean over positions of activation x gradient|. 'train' is one SGD step with momentum (BatchNormalization in training
mode, mean cross-entropy); 'apply' is inference in eval mode.
"""
import json
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

MODELS = {
    # name: (constructor, channels, height, width, classes)
    "mnist_cnn": (lambda: MnistCnn(), 1, 28, 28, 10),
    "resnet18": (lambda: torchvision.models.resnet18(weights=None), 3, 224, 224, 1000),
    "resnet50": (lambda: torchvision.models.resnet50(weights=None), 3, 224, 224, 1000),
    "mobilenet_v2": (lambda: torchvision.models.mobilenet_v2(weights=None), 3, 224, 224, 1000),
}


class MnistCnn(nn.Module):
    """conv3x3(16) - relu - maxpool2 - conv3x3(32) - relu - maxpool2 - flatten - linear(10) - softmax (in ONNX)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))


class WithSoftmax(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return F.softmax(self.inner(x), dim=1)


def build(name):
    torch.manual_seed(0)
    return MODELS[name][0]()


def export(directory):
    import onnx
    for name, (_, c, h, w, _) in MODELS.items():
        model = build(name).eval()
        torch.save(model.state_dict(), f"{directory}/{name}.pt")
        wrapped = WithSoftmax(model).eval()
        path = f"{directory}/{name}.onnx"
        # PRESERVE exports the module's own (eval) mode without the eval-mode peephole pass that folds
        # BatchNormalization into the preceding convolution; no constant folding either.
        torch.onnx.export(wrapped, torch.zeros(1, c, h, w), path, opset_version=13,
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
                          input_names=["image"], output_names=["probabilities"],
                          dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}})
        graph = onnx.load(path).graph
        bn = sum(1 for n in graph.node if n.op_type == "BatchNormalization")
        expected = sum(1 for m in model.modules() if isinstance(m, nn.BatchNorm2d))
        if bn != expected:
            sys.exit(f"{name}: {bn} BatchNormalization nodes in the ONNX file, the model has {expected}")
        print(f"exported {name}: {len(graph.node)} nodes, {bn} BatchNormalization", file=sys.stderr)


def load(directory, name):
    model = build(name)
    model.load_state_dict(torch.load(f"{directory}/{name}.pt"))
    return model


def scoring_inputs(model):
    """Forward pre-hooks that collect the inputs of every Conv2d and Linear, except the image itself."""
    collected = []

    def hook(module, args):
        x = args[0]
        if x.requires_grad or x.grad_fn is not None:
            collected.append(x)

    handles = [m.register_forward_pre_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    return collected, handles


def score_step(model, collected, x, y):
    collected.clear()
    logits = model(x)
    loss = F.cross_entropy(logits, y, reduction="sum")
    distinct = list({id(a): a for a in collected}.values())
    grads = torch.autograd.grad(loss, distinct)
    scores = []
    for a, g in zip(distinct, grads):
        p = a * g
        per_channel = p.mean(dim=(2, 3)) if p.dim() == 4 else p
        scores.append(per_channel.abs().sum(dim=0))
    return scores


def timed(step, seconds):
    step()
    warm_until = time.perf_counter() + seconds / 3
    while time.perf_counter() < warm_until:
        step()
    start = time.perf_counter()
    calls = 0
    while calls < 2 or time.perf_counter() - start < seconds:
        step()
        calls += 1
    return calls, time.perf_counter() - start


def run(directory, request):
    torch.set_num_threads(int(request["threads"]))
    name, batch, seconds = request["model"], int(request["batch"]), float(request["seconds"])
    _, c, h, w, classes = MODELS[name]
    model = load(directory, name)
    generator = torch.Generator().manual_seed(3)
    x = torch.rand(batch, c, h, w, generator=generator)
    y = torch.randint(0, classes, (batch,), generator=generator)
    work = request["work"]
    if work == "score":
        model.eval()
        for p in model.parameters():
            p.requires_grad_(True)
        collected, _ = scoring_inputs(model)
        step = lambda: score_step(model, collected, x, y)
    elif work == "train":
        model.train()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

        def step():
            optimizer.zero_grad(set_to_none=True)
            F.cross_entropy(model(x), y).backward()
            optimizer.step()
    elif work == "apply":
        model.eval()

        def step():
            with torch.inference_mode():
                F.softmax(model(x), dim=1)
    else:
        raise ValueError(f"unknown work {work}")
    calls, elapsed = timed(step, seconds)
    return {"images_per_s": calls * batch / elapsed, "calls": calls,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def serve(directory):
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request.get("work") == "hello":
                answer = {"torch": torch.__version__, "torchvision": torchvision.__version__,
                          "mkldnn": torch.backends.mkldnn.is_available()}
            else:
                answer = run(directory, request)
        except Exception as e:  # the Java side prints the row as failed and goes on
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("export", "serve"):
        sys.exit(__doc__)
    {"export": export, "serve": serve}[sys.argv[1]](sys.argv[2])
