"""Exports small ConvNeXt-style classifiers whose channels reach a LayerNorm over the channel axis, for
LayerNormPruningTest.

  layer_norm_models.py DIR   writes DIR/<name>_opset13.onnx (LayerNorm decomposed into ReduceMean/Sub/Pow/ReduceMean/
                             Add/Sqrt/Div, GELU into Erf) and DIR/<name>_opset17.onnx (LayerNormalization nodes) for
                             each model below, random weights with a fixed seed.

- convnext_mini: torchvision's ConvNeXt layout at toy width: stem conv 2x2 s2 -> LayerNorm2d written as a permute to
  channels-last, layer_norm over the last axis and a permute back -> block (depthwise 7x7, permute to NHWC, LayerNorm(C),
  Linear(C, 4C), GELU, Linear(4C, C), permute back, layer scale [C, 1, 1], residual Add) -> LayerNorm2d -> conv 2x2 s2
  -> block -> global average pool -> LayerNorm2d -> flatten -> Linear.
- channels_first_norm: a LayerNorm2d written over axis 1 of NCHW as some hand-written models do (x.mean(1) and the
  variance, then a [C, 1, 1] scale and shift) between two 3x3 convs, and a 1x1 conv; a mean head.
"""
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class ChannelsLastNorm(nn.Module):
    """torchvision's LayerNorm2d: NCHW in and out, normalised over C at each position."""

    def __init__(self, channels):
        super().__init__()
        self.norm = nn.LayerNorm(channels, eps=1e-6)

    def forward(self, x):
        return self.norm(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dwconv = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.up = nn.Linear(dim, 4 * dim)
        self.down = nn.Linear(4 * dim, dim)
        self.layer_scale = nn.Parameter(torch.rand(dim, 1, 1) + 0.5)

    def forward(self, x):
        y = self.dwconv(x).permute(0, 2, 3, 1)
        y = self.down(F.gelu(self.up(self.norm(y)))).permute(0, 3, 1, 2)
        return x + self.layer_scale * y


class ConvNeXtMini(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 2, stride=2)
        self.stem_norm = ChannelsLastNorm(8)
        self.block1 = Block(8)
        self.down_norm = ChannelsLastNorm(8)
        self.down = nn.Conv2d(8, 16, 2, stride=2)
        self.block2 = Block(16)
        self.head_norm = ChannelsLastNorm(16)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.block1(self.stem_norm(self.stem(x)))
        x = self.block2(self.down(self.down_norm(x)))
        x = F.adaptive_avg_pool2d(x, 1)
        return self.fc(torch.flatten(self.head_norm(x), 1))


class ChannelsFirstNorm(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.weight = nn.Parameter(torch.rand(channels) + 0.5)
        self.bias = nn.Parameter(torch.randn(channels) * 0.1)

    def forward(self, x):
        mean = x.mean(1, keepdim=True)
        var = (x - mean).pow(2).mean(1, keepdim=True)
        x = (x - mean) / torch.sqrt(var + 1e-6)
        return self.weight[:, None, None] * x + self.bias[:, None, None]


class ChannelsFirstNormNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 12, 3, padding=1)
        self.norm = ChannelsFirstNorm(12)
        self.conv2 = nn.Conv2d(12, 12, 3, padding=1)
        self.conv3 = nn.Conv2d(12, 10, 1)

    def forward(self, x):
        x = self.norm(self.conv1(x))
        x = self.conv3(F.relu(self.conv2(x)))
        return x.mean((2, 3))


MODELS = {"convnext_mini": ConvNeXtMini, "channels_first_norm": ChannelsFirstNormNet}


def randomise(model):
    """LayerNorm scales and shifts away from 1 and 0, so that cutting them along the wrong axis shows."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.LayerNorm):
                m.weight.copy_(torch.rand_like(m.weight) + 0.5)
                m.bias.copy_(torch.randn_like(m.bias) * 0.1)


def main(directory):
    for name, constructor in MODELS.items():
        for opset in (13, 17):
            torch.manual_seed(7)
            model = constructor().eval()
            randomise(model)
            torch.onnx.export(model, torch.zeros(1, 3, 16, 16), f"{directory}/{name}_opset{opset}.onnx",
                              opset_version=opset, input_names=["image"], output_names=["logits"],
                              dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}})


if __name__ == "__main__":
    main(sys.argv[1])
