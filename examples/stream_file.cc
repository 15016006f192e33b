// SPDX-License-Identifier: Apache-2.0
// Scans a file of any size in fixed-size chunks through a Stream: memory
// stays bounded by the chunk and the detectors' widths, never by the file,
// and the findings are exactly those of one Scan() over the whole text
// (a value cut in two by a chunk boundary is still found once).
//
//   vigie_example_stream_file PATH [CHUNK_BYTES]    (default 1 MiB)
//
// Prints the number of findings of each kind and the bytes read.
#include <vigie/vigie.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " PATH [CHUNK_BYTES]\n";
    return 2;
  }
  const size_t chunk_bytes = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : size_t{1} << 20;
  if (chunk_bytes == 0) {
    std::cerr << "CHUNK_BYTES must be a positive number\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot be read\n";
    return 2;
  }
  auto scanner = vigie::Scanner::Create();
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }

  std::map<std::string, int> count;
  auto tally = [&count](const std::vector<vigie::Finding>& findings) {
    for (const vigie::Finding& f : findings) ++count[f.kind];
  };
  // One stream per text. Write() returns the findings that no later byte
  // can change; their offsets count from the stream's first byte.
  vigie::Stream stream = scanner->OpenStream();
  std::vector<char> buffer(chunk_bytes);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    // The stream copies what it needs: the buffer is reused at once.
    tally(stream.Write(std::string_view(buffer.data(), static_cast<size_t>(in.gcount()))));
  }
  if (in.bad()) {
    std::cerr << argv[1] << ": read error\n";
    return 2;
  }
  tally(stream.Finish());

  for (const auto& [kind, n] : count) std::cout << kind << " " << n << "\n";
  std::cout << stream.bytes_written() << " bytes in chunks of " << chunk_bytes << "\n";
  return 0;
}
