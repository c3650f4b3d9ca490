"""The PyTorch side of benchmarks/compare.sh: the same networks, data shapes and optimizer as
rnn4j's side, in double precision, on the thread count given. Prints one JSON object."""
import json
import statistics
import sys
import time

import torch

torch.set_default_dtype(torch.float64)


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


def small(threads):
    """Elman 1-6-1 on 300 steps of temporal XOR, full BPTT, batch 1, Adam 0.01, MSE."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bits = torch.randint(0, 2, (101, 3))
    bits[:, 2] = bits[:, 0] ^ bits[:, 1]
    stream = bits.flatten()[:301].double()
    x, y = stream[:-1].view(1, 300, 1), stream[1:].view(1, 300, 1)
    rnn, out = torch.nn.RNN(1, 6, nonlinearity="tanh", batch_first=True), torch.nn.Linear(6, 1)
    optimizer = torch.optim.Adam(list(rnn.parameters()) + list(out.parameters()), lr=0.01)

    def epoch():
        optimizer.zero_grad()
        h, _ = rnn(x)
        loss = torch.nn.functional.mse_loss(torch.sigmoid(out(h)), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return timed(epoch, 200, 500)


def large(threads):
    """Elman 64-256-64, one-hot inputs, 100 steps, batch 32, softmax cross-entropy, Adam 0.001."""
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    symbols = torch.randint(0, 64, (32, 101))
    x = torch.nn.functional.one_hot(symbols[:, :-1], 64).double()
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

    return timed(batch, 5, 20)


if __name__ == "__main__":
    threads = int(sys.argv[1])
    small_time, small_loss = small(threads)
    large_time, large_loss = large(threads)
    print(json.dumps({"torch": torch.__version__, "threads": threads,
                      "small_epoch_seconds": small_time, "small_loss": small_loss,
                      "large_batch_seconds": large_time, "large_loss": large_loss}))
