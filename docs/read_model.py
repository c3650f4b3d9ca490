"""Reads an rnn4j model file with the standard library and NumPy, and runs a default Elman model.

    /usr/bin/python3 docs/read_model.py runs/<run>/model.rnn4j 0 1 1 0 1 0
"""
import hashlib
import io
import json
import sys
import zipfile

import numpy as np


def load_rnn4j(path):
    """The manifest (a dict), the parameters by block name (NumPy arrays) and the HOCON configuration (text)."""
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        if manifest.get("format") != "rnn4j-model" or manifest.get("version", 0) > 1:
            raise ValueError(f"{path}: not an rnn4j model of format version 1")
        params = {p["name"]: np.load(io.BytesIO(z.read(p["file"]))) for p in manifest["parameters"]}
        config = z.read("config.conf").decode("utf-8")
    flat = np.concatenate([params[p["name"]].ravel() for p in manifest["parameters"]])
    if hashlib.sha256(flat.astype("<f8").tobytes()).hexdigest() != manifest["sha256"]:
        raise ValueError(f"{path}: parameters do not match their SHA-256")
    return manifest, params, config


def elman_outputs(params, inputs):
    """The outputs of a one-layer Elman network (tanh hidden, sigmoid output) for a sequence of inputs."""
    w_in, w_context, b = params["input->hidden1"], params["context1->hidden1"], params["hidden1.bias"][0]
    w_out, b_out = params["hidden1->output"], params["output.bias"][0]
    h = np.zeros(w_context.shape[0])
    outputs = []
    for x in inputs:
        h = np.tanh(w_in @ np.atleast_1d(x) + w_context @ h + b)  # c_t = h_{t-1}
        outputs.append(1 / (1 + np.exp(-(w_out @ h + b_out))))
    return np.array(outputs)


if __name__ == "__main__":
    manifest, params, config = load_rnn4j(sys.argv[1])
    print(json.dumps({
        "topology": manifest["network"]["topology"],
        "blocks": {name: list(value.shape) for name, value in params.items()},
        "outputs": elman_outputs(params, [float(v) for v in sys.argv[2:]]).ravel().tolist(),
    }))
