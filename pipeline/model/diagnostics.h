// Diagnostics: positioned problems reported by any stage to one sink.
//
// Recoverable problems (invalid bytes, unknown config keys) are reported and the stage goes on;
// a problem that makes an input unusable is returned as a Result error and reported by the caller.
// The sink is thread-safe so per-source stages can run in parallel.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dossier::model {

enum class Severity { Warning, Error };

enum class DiagCode {
  InvalidBytes,    // invalid UTF-8/UTF-16 replaced by U+FFFD
  LegacyEncoding,  // not UTF-8; decoded as Windows-1252
  BinaryInput,     // NUL bytes or too many control characters
  EmptyInput,      // empty or whitespace only
  Unreadable,      // cannot open or read
  TooLarge,        // over --max-source-size
  MissingSource,   // a job names a file that does not exist
  JobSyntax,       // malformed YAML
  JobUnknownKey,   // a key the job format does not know
  JobWrongType,    // a key with a value of the wrong type
  JobMissingKey,   // a required key is absent
  Template,        // a template cannot be read or rendered
  OutputWrite,     // an output cannot be written
  DeepNesting,     // Markdown nested deeper than dossier keeps; the deeper part is flattened
  LedgerGap,       // --verify-ledger: input text missing from the output and every record
  Image,           // an image a Markdown source names is missing or not PNG/JPEG
  UnusedNote,      // a Markdown footnote nothing refers to: left out, its text recorded as markup
};

struct Diagnostic {
  Severity severity = Severity::Error;
  DiagCode code = DiagCode::Unreadable;
  std::string path;
  int line = 0;  // 0: the problem has no position inside the file
  int col = 0;
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

const char* to_string(Severity severity);
const char* to_string(DiagCode code);

// "path:line:col: error: message", or "path: error: message" without a position.
std::string format_diagnostic(const Diagnostic& d);
// One JSON object (no trailing newline) with path, line, col, severity, code, message.
std::string format_diagnostic_json(const Diagnostic& d);

class Diagnostics {
 public:
  void report(Diagnostic d);
  void error(DiagCode code, std::string path, int line, int col, std::string message);
  void warning(DiagCode code, std::string path, int line, int col, std::string message);

  std::vector<Diagnostic> all() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

// A value or the diagnostic that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Diagnostic error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  const Diagnostic& error() const { return std::get<Diagnostic>(state_); }

 private:
  std::variant<T, Diagnostic> state_;
};

}  // namespace dossier::model
