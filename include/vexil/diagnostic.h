#pragma once
/// @file diagnostic.h
/// Source positions, diagnostics and the two error types every stage throws.
/// An InputError means "the design or the command line is wrong" (exit 2); an IoError means "the
/// machine let us down" (exit 1). Nothing else is thrown across the library boundary on purpose.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace vexil {

/// A 1-based line and column; 0 means "unknown".
struct SourcePosition {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// Where a value came from: a file (or a pseudo-file such as `<--set 1>`) and a span in it.
struct SourceRegion {
    std::string file;
    SourcePosition begin;
    SourcePosition end;
};

enum class Severity { Error, Warning, Note };

/// One message about the input. `code` is a stable kebab-case identifier (`unknown-key`,
/// `bad-colour`, …) that tests and tools match on; `message` is for people. `suggestion` is what
/// the message proposes instead ("did you mean 'radius'?" gives "radius"), or empty.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceRegion region;
    std::string code;
    std::string message;
    std::string suggestion{};
};

/// `FILE:LINE:COL: error: message`, the form compilers use, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Process exit statuses: 0 ok, 1 I/O or other failure, 2 bad design or bad usage.
enum class ExitCode : int { Ok = 0, Failure = 1, BadInput = 2 };

/// The design (or a command-line value) is wrong. Carries every problem found, not only the first.
class InputError : public std::exception {
  public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
    /// All diagnostics, formatted, one per line.
    const char* what() const noexcept override { return text_.c_str(); }

  private:
    std::vector<Diagnostic> diagnostics_;
    std::string text_;
};

/// Reading or writing a file failed, or a library refused to work.
class IoError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace vexil
