#include "model/diagnostics.h"

#include <nlohmann/json.hpp>

namespace dossier::model {

const char* to_string(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

const char* to_string(DiagCode code) {
  switch (code) {
    case DiagCode::InvalidBytes:
      return "invalid-bytes";
    case DiagCode::LegacyEncoding:
      return "legacy-encoding";
    case DiagCode::BinaryInput:
      return "binary-input";
    case DiagCode::EmptyInput:
      return "empty-input";
    case DiagCode::Unreadable:
      return "unreadable";
    case DiagCode::TooLarge:
      return "too-large";
    case DiagCode::DeepNesting:
      return "deep-nesting";
    case DiagCode::LedgerGap:
      return "ledger-gap";
    case DiagCode::Image:
      return "image";
    case DiagCode::UnusedNote:
      return "unused-note";
    case DiagCode::MissingSource:
      return "missing-source";
    case DiagCode::JobSyntax:
      return "job-syntax";
    case DiagCode::JobUnknownKey:
      return "job-unknown-key";
    case DiagCode::JobWrongType:
      return "job-wrong-type";
    case DiagCode::JobMissingKey:
      return "job-missing-key";
    case DiagCode::Template:
      return "template";
    case DiagCode::OutputWrite:
      return "output-write";
  }
  return "unknown";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.path;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line) + ':' + std::to_string(d.col > 0 ? d.col : 1);
  }
  out += ": ";
  out += to_string(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

std::string format_diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["path"] = d.path;
  j["line"] = d.line > 0 ? nlohmann::ordered_json(d.line) : nlohmann::ordered_json(nullptr);
  j["col"] = d.line > 0 ? nlohmann::ordered_json(d.col) : nlohmann::ordered_json(nullptr);
  j["severity"] = to_string(d.severity);
  j["code"] = to_string(d.code);
  j["message"] = d.message;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void Diagnostics::report(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(DiagCode code, std::string path, int line, int col, std::string message) {
  report({Severity::Error, code, std::move(path), line, col, std::move(message)});
}

void Diagnostics::warning(DiagCode code, std::string path, int line, int col, std::string message) {
  report({Severity::Warning, code, std::move(path), line, col, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard lock(mutex_);
  return items_;
}

std::size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::Error;
  return n;
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::Warning;
  return n;
}

}  // namespace dossier::model
