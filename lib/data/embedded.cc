// Reading the tables compiled in from lib/data.
#include "data/embedded.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vigie::data {

void ForEachRow(std::string_view table,
                const std::function<void(const std::vector<std::string_view>& cells)>& row) {
  std::vector<std::string_view> cells;
  while (!table.empty()) {
    size_t nl = table.find('\n');
    std::string_view line = table.substr(0, nl);
    table.remove_prefix(nl == std::string_view::npos ? table.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    cells.clear();
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row(cells);
  }
}

std::string ReadDataFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace vigie::data
