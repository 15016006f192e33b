// SPDX-License-Identifier: Apache-2.0
// vigie._vigie: the native half of the Python package. It reads `str`,
// `bytes` and buffer objects in place, releases the GIL for whole scans and
// batches, and hands findings back as tuples; the typed API lives in the
// pure-Python facade (bindings/python/vigie/).
#include <nanobind/nanobind.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/vector.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "vigie/vigie.h"

namespace nb = nanobind;

namespace {

// A text held for the length of a scan: its UTF-8 bytes, read in place.
// For a `str` the bytes are CPython's own UTF-8 form (cached on the object;
// an ASCII string is its own UTF-8), and offsets go back as code points.
struct Text {
  std::string_view bytes;
  bool code_points = false;  // a non-ASCII str: offsets need converting
  nb::object owner;          // keeps the object alive
  Py_buffer view{};
  bool has_view = false;

  Text() = default;
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;
  Text(Text&& o) noexcept
      : bytes(o.bytes),
        code_points(o.code_points),
        owner(std::move(o.owner)),
        view(o.view),
        has_view(o.has_view) {
    o.has_view = false;
  }
  ~Text() {
    if (has_view) PyBuffer_Release(&view);
  }
};

Text ReadText(nb::handle obj) {
  Text t;
  t.owner = nb::borrow(obj);
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (!data) throw nb::python_error();
    t.bytes = std::string_view(data, static_cast<size_t>(size));
    t.code_points = !PyUnicode_IS_ASCII(obj.ptr());
    return t;
  }
  if (PyObject_GetBuffer(obj.ptr(), &t.view, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    throw nb::type_error("vigie scans str, bytes, bytearray or memoryview objects");
  }
  t.has_view = true;
  t.bytes = std::string_view(static_cast<const char*>(t.view.buf), static_cast<size_t>(t.view.len));
  return t;
}

// Code-point offsets of byte offsets into UTF-8 `bytes`, in one pass.
std::vector<uint64_t> CodePointOffsets(std::string_view bytes, std::vector<uint64_t> offsets) {
  std::vector<size_t> order(offsets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
  std::vector<uint64_t> out(offsets.size());
  uint64_t pos = 0, count = 0;
  for (size_t i : order) {
    uint64_t target = std::min<uint64_t>(offsets[i], bytes.size());
    for (; pos < target; ++pos) {
      if ((static_cast<unsigned char>(bytes[pos]) & 0xC0) != 0x80) ++count;
    }
    out[i] = count;
  }
  return out;
}

vigie::Layout ParseLayout(const std::string& layout) {
  if (layout == "auto") return vigie::Layout::kAuto;
  if (layout == "text") return vigie::Layout::kText;
  if (layout == "delimited") return vigie::Layout::kDelimited;
  if (layout == "json") return vigie::Layout::kJson;
  throw nb::value_error("layout must be 'auto', 'text', 'delimited' or 'json'");
}

vigie::Category ParseCategory(const std::string& category) {
  if (category == "identity") return vigie::Category::kIdentity;
  if (category == "contact") return vigie::Category::kContact;
  if (category == "financial") return vigie::Category::kFinancial;
  if (category == "health") return vigie::Category::kHealth;
  throw nb::value_error("category must be 'identity', 'contact', 'financial' or 'health'");
}

// A Python callback as a confirm step: called with the GIL held, from the
// scanning thread. It returns False/None (reject), True (confirmed at the
// detector's score), a float (confirmed at that score) or (score, value).
// An exception rejects the match and is reported once, as unraisable.
vigie::ConfirmFn PythonConfirm(nb::object callback) {
  auto held = std::make_shared<nb::object>(std::move(callback));
  return [held](std::string_view match) -> vigie::Verdict {
    nb::gil_scoped_acquire gil;
    try {
      nb::object r = (*held)(nb::str(match.data(), match.size()));
      if (r.is_none()) return vigie::Verdict::Reject();
      if (nb::isinstance<nb::bool_>(r)) {
        return nb::cast<bool>(r) ? vigie::Verdict::Confirmed() : vigie::Verdict::Reject();
      }
      if (nb::isinstance<nb::float_>(r) || nb::isinstance<nb::int_>(r)) {
        return vigie::Verdict::Confirmed(nb::cast<double>(r));
      }
      auto pair = nb::cast<std::pair<double, std::string>>(r);
      return vigie::Verdict::Confirmed(pair.first, pair.second);
    } catch (nb::python_error& e) {
      e.discard_as_unraisable("vigie custom detector confirm");
    } catch (...) {
    }
    return vigie::Verdict::Reject();
  };
}

vigie::DetectorSpec ParseDetector(const nb::dict& d) {
  vigie::DetectorSpec spec;
  auto get = [&](const char* key) -> std::optional<nb::object> {
    if (!d.contains(key)) return std::nullopt;
    nb::object v = d[key];
    if (v.is_none()) return std::nullopt;
    return v;
  };
  auto strings = [&](const char* key) {
    auto v = get(key);
    return v ? nb::cast<std::vector<std::string>>(*v) : std::vector<std::string>{};
  };
  auto kind = get("kind");
  if (!kind) throw nb::value_error("a custom detector needs a 'kind'");
  spec.kind = nb::cast<std::string>(*kind);
  if (auto c = get("category")) spec.category = ParseCategory(nb::cast<std::string>(*c));
  spec.patterns = strings("patterns");
  spec.literals = strings("literals");
  spec.keywords = strings("keywords");
  spec.negative_keywords = strings("negative_keywords");
  if (auto v = get("window_before")) spec.window_before = nb::cast<size_t>(*v);
  if (auto v = get("window_after")) spec.window_after = nb::cast<size_t>(*v);
  if (auto v = get("score")) spec.score = nb::cast<double>(*v);
  if (auto v = get("confirm")) spec.confirm = PythonConfirm(*v);
  return spec;
}

nb::handle EmptyTuple() {
  static nb::tuple empty = nb::tuple();
  return empty;
}

nb::tuple Qualifiers(const vigie::Finding& f) {
  nb::list names;
  for (const std::string& name : vigie::QualifierNames(f)) names.append(nb::str(name.c_str()));
  return nb::tuple(names);
}

// Python strings for the few distinct kinds, categories and contexts, made
// once per call instead of once per finding.
class Names {
 public:
  nb::handle Get(std::string_view name) {
    for (auto& [key, obj] : names_) {
      if (key == name) return obj;
    }
    names_.emplace_back(std::string(name), nb::str(name.data(), name.size()));
    return names_.back().second;
  }

 private:
  std::vector<std::pair<std::string, nb::object>> names_;
};

// One finding as the facade's Finding(...) arguments, in order.
// The facade's Finding class (a named tuple), given once at import
// (_set_finding_type): findings are built as its instances here, one
// allocation each and no Python code, so that the part of scan_batch that
// holds the GIL stays small.
PyTypeObject* g_finding_type = nullptr;

nb::object MakeFinding(std::initializer_list<nb::object> fields) {
  if (g_finding_type == nullptr) {
    throw nb::type_error("vigie._vigie: the Finding type was not set");
  }
  PyObject* row = g_finding_type->tp_alloc(g_finding_type, static_cast<Py_ssize_t>(fields.size()));
  if (row == nullptr) throw nb::python_error();
  Py_ssize_t i = 0;
  bool atomic = true;  // no field can hold a reference back to the row
  for (const nb::object& field : fields) {
    atomic = atomic && (!PyObject_IS_GC(field.ptr()) || PyTuple_CheckExact(field.ptr()));
    PyTuple_SET_ITEM(row, i++, field.inc_ref().ptr());
  }
  // A finding of strings, numbers and tuples of strings is in no cycle:
  // left out of the cycle collector, whose passes over hundreds of
  // thousands of findings held the GIL that other threads' batches wait
  // for (a finding with components, a dict, stays tracked).
  if (atomic) PyObject_GC_UnTrack(row);
  return nb::steal(row);
}

nb::object FindingTuple(const vigie::Finding& f, uint64_t start, uint64_t end, bool values,
                        Names& names) {
  nb::object value = nb::none(), components = nb::none();
  if (values) {
    value = nb::str(f.value.data(), f.value.size());
    auto parts = vigie::Components(f);
    if (!parts.empty()) {
      nb::dict d;
      for (const auto& [name, part] : parts) d[name.c_str()] = nb::str(part.data(), part.size());
      components = std::move(d);
    }
  }
  nb::object context = nb::none();
  if (!f.context.empty()) context = nb::borrow(names.Get(f.context));
  nb::object qualifiers = f.qualifiers == 0 ? nb::borrow(EmptyTuple()) : nb::object(Qualifiers(f));
  return MakeFinding({nb::borrow(names.Get(f.kind)),
                      nb::borrow(names.Get(vigie::CategoryName(f.category))), nb::int_(start),
                      nb::int_(end), nb::int_(f.begin), nb::int_(f.end), nb::int_(f.line),
                      nb::int_(f.column), nb::float_(f.score),
                      nb::bool_(f.confidence == vigie::Confidence::kConfirmed), value, qualifiers,
                      context, components});
}

// A scan that could not run (Hyperscan could not allocate) raises
// MemoryError rather than return no findings. Called with the GIL held.
std::vector<vigie::Finding> Checked(vigie::Result<std::vector<vigie::Finding>> found) {
  if (!found.ok()) {
    PyErr_SetString(PyExc_MemoryError, found.error().c_str());
    throw nb::python_error();
  }
  return std::move(found).value();
}

// What a scan of one text gives, computed without the GIL: the findings
// and, for a non-ASCII str, each finding's start and end in code points.
struct Scanned {
  vigie::Result<std::vector<vigie::Finding>> found = std::vector<vigie::Finding>{};
  std::vector<uint64_t> offsets;  // start, end of each finding; empty: byte offsets
};

Scanned ScanText(const vigie::Scanner& scanner, const Text& text, const vigie::CallOptions& call) {
  Scanned s{scanner.TryScan(text.bytes, call), {}};
  if (s.found.ok() && text.code_points && !s.found->empty()) {
    s.offsets.reserve(s.found->size() * 2);
    for (const auto& f : *s.found) {
      s.offsets.push_back(f.begin);
      s.offsets.push_back(f.end);
    }
    s.offsets = CodePointOffsets(text.bytes, std::move(s.offsets));
  }
  return s;
}

nb::list ToPython(Scanned scanned, bool values, Names& names) {
  const std::vector<vigie::Finding>& findings = Checked(std::move(scanned.found));
  nb::list out;
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    bool converted = !scanned.offsets.empty();
    out.append(FindingTuple(f, converted ? scanned.offsets[2 * i] : f.begin,
                            converted ? scanned.offsets[2 * i + 1] : f.end, values, names));
  }
  return out;
}

class PyStream {
 public:
  PyStream(vigie::Stream stream, bool values) : stream_(std::move(stream)), values_(values) {
    if (stream_.status() != vigie::ErrorCode::kOk) {
      Checked(vigie::Result<std::vector<vigie::Finding>>::Error(
          stream_.status(), "Hyperscan could not allocate a stream: nothing can be scanned"));
    }
  }
  nb::list Write(nb::handle chunk) {
    Text t = ReadText(chunk);
    std::vector<vigie::Finding> found;
    {
      nb::gil_scoped_release release;
      found = stream_.Write(t.bytes);
    }
    return Bytes(found);
  }
  nb::list Finish() {
    std::vector<vigie::Finding> found;
    {
      nb::gil_scoped_release release;
      found = stream_.Finish();
    }
    return Bytes(found);
  }
  uint64_t bytes_written() const { return stream_.bytes_written(); }

 private:
  // A stream's offsets are bytes since its first byte, whatever the chunks.
  nb::list Bytes(const std::vector<vigie::Finding>& found) const {
    nb::list out;
    Names names;
    for (const auto& f : found) out.append(FindingTuple(f, f.begin, f.end, values_, names));
    return out;
  }
  vigie::Stream stream_;
  bool values_;
};

class PyScanner {
 public:
  PyScanner(std::optional<std::vector<std::string>> kinds, double min_score,
            const std::string& layout, const std::string& delimiter, bool builtin_detectors,
            std::optional<std::vector<nb::dict>> detectors, std::optional<nb::bytes> database,
            bool values, std::optional<std::string> cache)
      : values_(values) {
    vigie::ScanOptions o;
    if (kinds) o.kinds = *kinds;
    o.min_score = min_score;
    o.layout = ParseLayout(layout);
    if (delimiter.size() > 1) throw nb::value_error("delimiter must be one character");
    o.delimiter = delimiter.empty() ? 0 : delimiter[0];
    o.builtin_detectors = builtin_detectors;
    if (detectors) {
      for (const nb::dict& d : *detectors) o.detectors.push_back(ParseDetector(d));
    }
    vigie::Result<vigie::Scanner> r = vigie::Result<vigie::Scanner>::Error("");
    {
      nb::gil_scoped_release release;
      // No cache: compile. "" is the default cache directory.
      r = database ? vigie::Scanner::Deserialize(
                         std::string_view(database->c_str(), database->size()), o)
          : cache ? vigie::Scanner::Create(o, vigie::CacheOptions{.directory = *cache})
                  : vigie::Scanner::Create(o);
    }
    if (!r.ok()) throw nb::value_error(r.error().c_str());
    scanner_ = std::make_unique<vigie::Scanner>(std::move(r.value()));
  }

  nb::list Scan(nb::handle text) const {
    Text t = ReadText(text);
    Scanned scanned;
    {
      nb::gil_scoped_release release;
      scanned = ScanText(*scanner_, t, scanner_->default_call());
    }
    Names names;
    return ToPython(std::move(scanned), values_, names);
  }

  // The whole batch crosses the boundary once (one call) and is scanned
  // without the GIL; findings become Python objects slice by slice, so that
  // a batch of a million records never holds all its findings in C++, and
  // another thread scans while this one converts.
  nb::list ScanBatch(nb::iterable texts) const {
    constexpr size_t kSlice = 256;
    std::vector<Text> held;
    for (nb::handle t : texts) held.push_back(ReadText(t));
    bool values = values_;
    nb::list out;
    Names names;
    vigie::CallOptions call = scanner_->default_call();
    std::vector<Scanned> scanned(std::min(kSlice, held.size()));
    for (size_t from = 0; from < held.size(); from += kSlice) {
      size_t n = std::min(kSlice, held.size() - from);
      {
        nb::gil_scoped_release release;
        for (size_t i = 0; i < n; ++i) scanned[i] = ScanText(*scanner_, held[from + i], call);
      }
      for (size_t i = 0; i < n; ++i) out.append(ToPython(std::move(scanned[i]), values, names));
    }
    return out;
  }

  // The health verdict on a text: (reveals, score, [(kind, score, findings)]).
  nb::tuple Health(nb::handle text) const {
    Text t = ReadText(text);
    std::optional<vigie::Result<std::vector<vigie::Finding>>> found;
    {
      nb::gil_scoped_release release;
      // Findings down to the evidence floor, whatever this scanner reports.
      vigie::CallOptions call = scanner_->default_call();
      call.min_score = std::min(call.min_score, vigie::kHealthEvidenceFloor);
      found.emplace(scanner_->TryScan(t.bytes, call));
    }
    vigie::HealthVerdict v = vigie::AssessHealth(Checked(std::move(*found)));
    nb::list kinds;
    for (const auto& e : v.kinds) kinds.append(nb::make_tuple(e.kind, e.score, e.findings.size()));
    return nb::make_tuple(v.reveals_health, v.score, kinds);
  }

  PyStream OpenStream() const { return PyStream(scanner_->OpenStream(), values_); }
  nb::bytes Serialize() const {
    std::string bytes;
    {
      nb::gil_scoped_release release;
      bytes = scanner_->Serialize();
    }
    return nb::bytes(bytes.data(), bytes.size());
  }
  std::vector<std::string> Kinds() const { return scanner_->Kinds(); }
  const vigie::Scanner& scanner() const { return *scanner_; }

 private:
  bool values_;
  std::unique_ptr<vigie::Scanner> scanner_;
};

// --- redaction ----------------------------------------------------------------

// An ActionSpec from the facade's dict (every key present).
vigie::ActionSpec ParseActionSpec(const nb::dict& d) {
  vigie::ActionSpec spec;
  auto action = vigie::ParseRedactAction(nb::cast<std::string>(d["action"]));
  if (!action.ok()) throw nb::value_error(action.error().c_str());
  spec.action = action.value();
  spec.mask_char = nb::cast<std::string>(d["mask_char"]);
  spec.keep_last = nb::cast<int>(d["keep_last"]);
  spec.tag = nb::cast<std::string>(d["tag"]);
  spec.token_length = nb::cast<int>(d["token_length"]);
  spec.level = nb::cast<std::string>(d["level"]);
  spec.shift_days = nb::cast<int>(d["shift_days"]);
  return spec;
}

// The bytes of `out` that end on a whole UTF-8 sequence; the rest (the
// first bytes of a code point cut by a chunk) waits in `tail`.
std::string_view WholeCodePoints(std::string& out, std::string& tail) {
  size_t end = out.size();
  size_t back = 0;
  while (back < 3 && back < end &&
         (static_cast<unsigned char>(out[end - 1 - back]) & 0xC0) == 0x80) {
    ++back;
  }
  if (back < end) {
    auto lead = static_cast<unsigned char>(out[end - 1 - back]);
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (need > back + 1) {
      tail.assign(out, end - 1 - back, back + 1);
      out.resize(end - 1 - back);
    }
  }
  return out;
}

nb::object Decoded(std::string_view bytes, bool as_str) {
  if (!as_str) return nb::bytes(bytes.data(), bytes.size());
  PyObject* s =
      PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "surrogateescape");
  if (s == nullptr) throw nb::python_error();
  return nb::steal(s);
}

class PyRedactionStream {
 public:
  explicit PyRedactionStream(vigie::RedactionStream stream) : stream_(std::move(stream)) {}
  // The redacted text settled so far: str for str chunks, bytes otherwise
  // (a code point cut by a chunk waits for the next).
  nb::object Write(nb::handle chunk) {
    Text t = ReadText(chunk);
    bool as_str = PyUnicode_Check(chunk.ptr());
    std::string out;
    {
      nb::gil_scoped_release release;
      out = tail_ + stream_.Write(t.bytes);
      tail_.clear();
      if (as_str) WholeCodePoints(out, tail_);
    }
    Raise();
    as_str_ = as_str;
    return Decoded(out, as_str);
  }
  nb::object Finish() {
    std::string out;
    {
      nb::gil_scoped_release release;
      out = tail_ + stream_.Finish();
      tail_.clear();
    }
    Raise();
    return Decoded(out, as_str_);
  }
  // {kind: {action: findings}}, and bytes in and out.
  nb::tuple Report() const {
    const vigie::RedactionReport& r = stream_.report();
    nb::dict counts;
    for (const auto& [kind, actions] : r.counts) {
      nb::dict by_action;
      for (const auto& [action, n] : actions) by_action[nb::str(action.c_str())] = n;
      counts[nb::str(kind.c_str())] = by_action;
    }
    return nb::make_tuple(counts, r.findings, r.bytes_in, r.bytes_out);
  }

 private:
  void Raise() const {
    if (stream_.status() != vigie::ErrorCode::kOk) {
      throw std::runtime_error("not redacted: Hyperscan could not allocate a stream");
    }
  }
  vigie::RedactionStream stream_;
  std::string tail_;
  bool as_str_ = false;
};

class PyRedactor {
 public:
  PyRedactor(const PyScanner& scanner, const nb::dict& policy) {
    vigie::RedactionPolicy p;
    p.identity = ParseActionSpec(nb::cast<nb::dict>(policy["identity"]));
    p.contact = ParseActionSpec(nb::cast<nb::dict>(policy["contact"]));
    p.financial = ParseActionSpec(nb::cast<nb::dict>(policy["financial"]));
    p.health = ParseActionSpec(nb::cast<nb::dict>(policy["health"]));
    for (auto [kind, spec] : nb::cast<nb::dict>(policy["kinds"])) {
      p.kinds[nb::cast<std::string>(kind)] = ParseActionSpec(nb::cast<nb::dict>(spec));
    }
    p.min_score = nb::cast<double>(policy["min_score"]);
    nb::bytes key = nb::cast<nb::bytes>(policy["key"]);
    p.key.assign(key.c_str(), key.size());
    p.reference_year = nb::cast<int>(policy["reference_year"]);
    vigie::CallOptions call = scanner.scanner().default_call();
    p.layout = call.layout;
    p.delimiter = call.delimiter;
    auto r = vigie::Redactor::Create(scanner.scanner(), p);
    if (!r.ok()) throw nb::value_error(r.error().c_str());
    redactor_ = std::make_unique<vigie::Redactor>(std::move(r.value()));
  }
  // The redacted text (str for str, bytes otherwise) and its report.
  nb::tuple Redact(nb::handle text) const {
    Text t = ReadText(text);
    std::optional<vigie::Result<std::string>> out;
    vigie::RedactionReport report;
    {
      nb::gil_scoped_release release;
      out.emplace(redactor_->Redact(t.bytes, &report));
    }
    if (!out->ok()) throw std::runtime_error(out->error());
    nb::dict counts;
    for (const auto& [kind, actions] : report.counts) {
      nb::dict by_action;
      for (const auto& [action, n] : actions) by_action[nb::str(action.c_str())] = n;
      counts[nb::str(kind.c_str())] = by_action;
    }
    return nb::make_tuple(Decoded(out->value(), PyUnicode_Check(text.ptr())), counts);
  }
  PyRedactionStream OpenStream() const { return PyRedactionStream(redactor_->OpenStream()); }

 private:
  std::unique_ptr<vigie::Redactor> redactor_;
};

}  // namespace

NB_MODULE(_vigie, m) {
  m.doc() = "vigie's native module; use the `vigie` package.";
  m.attr("VERSION") = VIGIE_VERSION_STRING;
  m.attr("HEALTH_EVIDENCE_FLOOR") = vigie::kHealthEvidenceFloor;
  m.def(
      "_set_finding_type",
      [](nb::type_object type) {
        if (!PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(type.ptr()), &PyTuple_Type)) {
          throw nb::type_error("the Finding type must be a tuple");
        }
        Py_XDECREF(g_finding_type);
        g_finding_type = reinterpret_cast<PyTypeObject*>(type.inc_ref().ptr());
      },
      nb::arg("type"));
  nb::class_<PyStream>(m, "Stream")
      .def("write", &PyStream::Write, nb::arg("chunk"))
      .def("finish", &PyStream::Finish)
      .def_prop_ro("bytes_written", &PyStream::bytes_written);
  nb::class_<PyScanner>(m, "Scanner")
      .def(nb::init<std::optional<std::vector<std::string>>, double, const std::string&,
                    const std::string&, bool, std::optional<std::vector<nb::dict>>,
                    std::optional<nb::bytes>, bool, std::optional<std::string>>(),
           nb::arg("kinds").none(), nb::arg("min_score"), nb::arg("layout"), nb::arg("delimiter"),
           nb::arg("builtin_detectors"), nb::arg("detectors").none(), nb::arg("database").none(),
           nb::arg("values"), nb::arg("cache").none())
      .def("scan", &PyScanner::Scan, nb::arg("text"))
      .def("scan_batch", &PyScanner::ScanBatch, nb::arg("texts"))
      .def("health", &PyScanner::Health, nb::arg("text"))
      .def("open_stream", &PyScanner::OpenStream)
      .def("serialize", &PyScanner::Serialize)
      .def("kinds", &PyScanner::Kinds);
  // (valid, normalized, reason or None, {field: value}): the library's
  // verdict by name, its fields as they are.
  m.def(
      "validate",
      [](std::string_view kind, std::string_view value) {
        vigie::Result<vigie::NamedVerdict> v = vigie::ValidateNamed(kind, value);
        if (!v.ok()) throw nb::value_error(v.error().c_str());
        nb::dict fields;
        for (const auto& [name, field] : v->fields) {
          fields[nb::str(name.c_str())] =
              std::visit([](const auto& x) { return nb::cast(x); }, field);
        }
        nb::object reason = v->valid ? nb::none() : nb::cast(v->reason);
        return nb::make_tuple(v->valid, v->normalized, reason, fields);
      },
      nb::arg("kind"), nb::arg("value"));
  nb::class_<PyRedactionStream>(m, "RedactionStream")
      .def("write", &PyRedactionStream::Write, nb::arg("chunk"))
      .def("finish", &PyRedactionStream::Finish)
      .def("report", &PyRedactionStream::Report);
  nb::class_<PyRedactor>(m, "Redactor")
      .def(nb::init<const PyScanner&, const nb::dict&>(), nb::arg("scanner"), nb::arg("policy"))
      .def("redact", &PyRedactor::Redact, nb::arg("text"))
      .def("open_stream", &PyRedactor::OpenStream);
  m.def(
      "reveal",
      [](nb::handle text, nb::bytes key) {
        Text t = ReadText(text);
        uint64_t failed = 0;
        std::string out =
            vigie::Reveal(t.bytes, std::string_view(key.c_str(), key.size()), &failed);
        return nb::make_tuple(Decoded(out, PyUnicode_Check(text.ptr())), failed);
      },
      nb::arg("text"), nb::arg("key"));
  m.def("validators", &vigie::ValidatorNames);
  m.def("mask", &vigie::MaskValue, nb::arg("value"),
        "The value with its letters and digits hidden, as `vigie scan` shows it.");
}
