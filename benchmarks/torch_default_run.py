"""PyTorch doing what rnn4j's default run (`./rnn4j train`, no run file) does, to time end to end
(process start to exit) beside it. The defaults, from the reference.conf files of core, topologies
and trainers: temporal-xor, 500 sequences of 30 steps, 0.2 of them held out; Elman with 8 tanh
hidden units and a sigmoid output; full BPTT, 60 epochs of shuffled batches of 10, MSE, Adam 0.01.
Same kind and shape of data, not the same random numbers. Prints one JSON line.

Usage: torch_default_run.py [THREADS] [--float32]   (THREADS: 1 by default; float64 by default)"""
import argparse
import json
import os
import time

parser = argparse.ArgumentParser(usage=__doc__.rsplit("Usage: ", 1)[1])
parser.add_argument("threads", nargs="?", type=int, default=1)
parser.add_argument("--float32", action="store_true")
args = parser.parse_args()
# OpenBLAS reads its thread count when torch loads it (torch.set_num_threads does not reach it).
os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(args.threads)

import torch  # noqa: E402 (after the thread count is in the environment)

torch.set_num_threads(args.threads)
dtype = "float32" if args.float32 else "float64"
torch.set_default_dtype(getattr(torch, dtype))
torch.manual_seed(1)

# temporal-xor: per sequence, triples a, b, a XOR b from its first step; input the bit, target the next.
SEQUENCES, LENGTH = 500, 30
bits = torch.randint(0, 2, (SEQUENCES, LENGTH // 3 + 1, 3))
bits[..., 2] = bits[..., 0] ^ bits[..., 1]
bits = bits.flatten(1)[:, :LENGTH + 1].to(torch.get_default_dtype()).unsqueeze(2)
order = torch.randperm(SEQUENCES)
held = int(SEQUENCES * 0.2)  # rnn4j rounds the held-out count down
test, train = bits[order[:held]], bits[order[held:]]

rnn = torch.nn.RNN(1, 8, nonlinearity="tanh", batch_first=True)
out = torch.nn.Linear(8, 1)
# rnn4j's initialisation: Glorot-uniform feed-forward weights, orthogonal recurrent ones, zero
# biases. torch's RNN has a second (hidden) bias, redundant with the input one: zero and frozen,
# so that the bias learns at Adam's rate as rnn4j's single bias does.
torch.nn.init.xavier_uniform_(rnn.weight_ih_l0)
torch.nn.init.orthogonal_(rnn.weight_hh_l0)
torch.nn.init.xavier_uniform_(out.weight)
for bias in (rnn.bias_ih_l0, rnn.bias_hh_l0, out.bias):
    torch.nn.init.zeros_(bias)
rnn.bias_hh_l0.requires_grad_(False)
parameters = [p for p in list(rnn.parameters()) + list(out.parameters()) if p.requires_grad]
optimizer = torch.optim.Adam(parameters, lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def loss_of(batch):
    """Mean squared error per step over the batch, as rnn4j's mse averages it."""
    h, _ = rnn(batch[:, :-1])
    return torch.nn.functional.mse_loss(torch.sigmoid(out(h)), batch[:, 1:])


start = time.perf_counter()
for epoch in range(60):
    for batch in train[torch.randperm(len(train))].split(10):
        optimizer.zero_grad()
        loss_of(batch).backward()
        optimizer.step()
with torch.no_grad():
    held_out_loss = loss_of(test).item()  # all sequences have the same length: the mean per step
print(json.dumps({"torch": torch.__version__, "threads": args.threads, "dtype": dtype,
                  "epochs": 60, "held_out_loss": held_out_loss, "train_seconds": time.perf_counter() - start}))
