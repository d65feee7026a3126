"""Turn the pip lock (constraints.txt) into a buildout [versions] section."""

import sys


def main(path):
    print("# Generated from constraints.txt by `make buildout-versions`; do not edit.")
    print("[versions]")
    with open(path, encoding="utf-8") as lock:
        for line in lock:
            line = line.split("#", 1)[0].strip()
            if "==" not in line:
                continue
            name, version = line.split("==", 1)
            print(f"{name.strip()} = {version.strip()}")


if __name__ == "__main__":
    main(sys.argv[1])
