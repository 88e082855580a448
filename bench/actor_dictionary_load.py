"""How long loading the built-in actor and agent dictionary takes (once per process).

    .venv/bin/python bench/actor_dictionary_load.py [--repeat N]

Prints the CPU and wall seconds of each fresh load and the number of actors and agents.
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="fresh loads to time")
    args = parser.parse_args()
    from tripolar.actors.dictionary import load_builtin

    for attempt in range(1, args.repeat + 1):
        cpu, wall = time.process_time(), time.perf_counter()
        loaded = load_builtin()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"load {attempt}: {cpu:.3f} CPU s, {wall:.3f} s wall, "
              f"{len(loaded.actors):,} actors, {len(loaded.agents):,} agents")  # fmt: skip


if __name__ == "__main__":
    main()
