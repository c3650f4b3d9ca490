"""The PyTorch side of benchmarks/compare.sh: the same networks, data shapes and optimizer as
rnn4j's side, on the thread count given. Prints one JSON object.

Usage: torch_compare.py THREADS [DTYPE [WORKLOADS]]
       torch_compare.py THREADS DTYPE --serve large
  DTYPE      float64 (default, as rnn4j computes) or float32
  WORKLOADS  comma-separated among small, large, batched (default: all); the keys of the
             workloads not run are left out of the JSON.
  --serve    timed in turns with rnn4j's side: runs the large workload's 5 untimed batches and
             prints "ready", then for each line N read prints one JSON object, the seconds of N more
             batches and the loss after them, until its input ends."""
import json
import os
import statistics
import sys
import time

WORKLOADS = ("small", "large", "batched")
threads = int(sys.argv[1])
dtype = sys.argv[2] if len(sys.argv) > 2 else "float64"
serve = sys.argv[3:] == ["--serve", "large"]
chosen = [] if serve else sys.argv[3].split(",") if len(sys.argv) > 3 else list(WORKLOADS)
if dtype not in ("float32", "float64") or not set(chosen) <= set(WORKLOADS):
    sys.exit(__doc__)
# OpenBLAS (Debian's torch calls it for every product) reads its thread count once, when torch
# loads it; torch.set_num_threads does not reach it. So THREADS sets it here, before the import.
os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(threads)

import torch  # noqa: E402 (after the thread count is in the environment)

torch.set_default_dtype(getattr(torch, dtype))


def timed(step, warmup, runs):
    for _ in range(warmup):
        step()
    times = []
    loss = None
    for _ in range(runs):
        start = time.perf_counter()
        loss = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), loss


def xor_update(x, y, hidden):
    """Elman 1-hidden-1 (tanh, sigmoid outputs) on (x, y): one full-BPTT update with MSE and Adam 0.01 a call."""
    rnn, out = torch.nn.RNN(1, hidden, nonlinearity="tanh", batch_first=True), torch.nn.Linear(hidden, 1)
    optimizer = torch.optim.Adam(list(rnn.parameters()) + list(out.parameters()), lr=0.01)

    def update():
        optimizer.zero_grad()
        h, _ = rnn(x)
        loss = torch.nn.functional.mse_loss(torch.sigmoid(out(h)), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return update


def small(threads):
    """Elman 1-6-1 on 300 steps of temporal XOR, full BPTT, batch 1, Adam 0.01, MSE."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bits = torch.randint(0, 2, (101, 3))
    bits[:, 2] = bits[:, 0] ^ bits[:, 1]
    stream = bits.flatten()[:301].to(torch.get_default_dtype())
    x, y = stream[:-1].view(1, 300, 1), stream[1:].view(1, 300, 1)
    return timed(xor_update(x, y, 6), 200, 500)


def large(threads):
    """Elman 64-256-64, one-hot inputs, 100 steps, batch 32, softmax cross-entropy, Adam 0.001."""
    return timed(large_update(threads), 5, 20)


def large_update(threads):
    """The large workload's update, one batch a call."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    symbols = torch.randint(0, 64, (32, 101))
    x = torch.nn.functional.one_hot(symbols[:, :-1], 64).to(torch.get_default_dtype())
    y = symbols[:, 1:]
    rnn, out = torch.nn.RNN(64, 256, nonlinearity="tanh", batch_first=True), torch.nn.Linear(256, 64)
    optimizer = torch.optim.Adam(list(rnn.parameters()) + list(out.parameters()), lr=0.001)

    def batch():
        optimizer.zero_grad()
        h, _ = rnn(x)
        loss = torch.nn.functional.cross_entropy(out(h).reshape(-1, 64), y.reshape(-1))
        loss.backward()
        optimizer.step()
        return loss.item()

    return batch


def batched(threads):
    """Elman 1-16-1 on 64 temporal-XOR sequences of 100 steps at once, full BPTT, Adam 0.01, MSE."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bits = torch.randint(0, 2, (64, 34, 3))  # per sequence, triples a, b, a XOR b: 101 bits of them
    bits[..., 2] = bits[..., 0] ^ bits[..., 1]
    stream = bits.flatten(1)[:, :101].to(torch.get_default_dtype())
    x, y = stream[:, :-1].unsqueeze(2), stream[:, 1:].unsqueeze(2)
    return timed(xor_update(x, y, 16), 50, 300)


def serve_large(threads):
    """The large workload in turns: see --serve above."""
    batch = large_update(threads)
    for _ in range(5):
        batch()
    print("ready", flush=True)
    loss = None
    for line in sys.stdin:
        times = []
        for _ in range(int(line)):
            start = time.perf_counter()
            loss = batch()
            times.append(time.perf_counter() - start)
        print(json.dumps({"seconds": times, "loss": loss}), flush=True)


if __name__ == "__main__" and serve:
    serve_large(threads)
elif __name__ == "__main__":
    result = {"torch": torch.__version__, "threads": threads, "dtype": dtype}
    if "small" in chosen:
        result["small_epoch_seconds"], result["small_loss"] = small(threads)
    if "large" in chosen:
        result["large_batch_seconds"], result["large_loss"] = large(threads)
    if "batched" in chosen:
        result["batched_small_batch_seconds"], result["batched_small_loss"] = batched(threads)
    print(json.dumps(result))
