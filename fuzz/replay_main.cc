// SPDX-License-Identifier: Apache-2.0
// Runs a fuzz target over the files and directories given, so that its
// seed corpus is replayed in every test run without a fuzzing compiler:
//   vigie_fuzz_replay TARGET PATH...
// Each target's LLVMFuzzerTestOneInput is compiled as VigieFuzz_TARGET
// (fuzz/CMakeLists.txt).
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#define VIGIE_FUZZ_TARGETS(X) \
  X(scanner) X(stream) X(deserialize) X(validators) X(address) X(person) X(layout) X(redact)
#define VIGIE_DECLARE(name) extern "C" int VigieFuzz_##name(const uint8_t* data, size_t size);
VIGIE_FUZZ_TARGETS(VIGIE_DECLARE)

int main(int argc, char** argv) {
  using Target = int (*)(const uint8_t*, size_t);
  Target target = nullptr;
#define VIGIE_PICK(name) \
  if (argc > 1 && std::strcmp(argv[1], #name) == 0) target = VigieFuzz_##name;
  VIGIE_FUZZ_TARGETS(VIGIE_PICK)
  if (target == nullptr) {
    std::cerr << "usage: vigie_fuzz_replay TARGET PATH... (no target '" << (argc > 1 ? argv[1] : "")
              << "')\n";
    return 2;
  }
  size_t inputs = 0;
  for (int i = 2; i < argc; ++i) {
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.emplace_back(argv[i]);
    }
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // Each file as it is, and after control bytes that the targets read
      // as a choice (layouts, chunkings, validators).
      target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++inputs;
      for (int control : {0, 1, 2, 0x41, 0x82, 0xF8}) {
        std::string input(1, static_cast<char>(control));
        input += bytes;
        target(reinterpret_cast<const uint8_t*>(input.data()), input.size());
        ++inputs;
      }
    }
  }
  std::cout << "replayed " << inputs << " inputs\n";
  return inputs > 0 ? 0 : 1;
}
