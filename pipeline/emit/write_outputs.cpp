#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <thread>
#include <vector>

#include "emit/briefing_view.h"
#include "emit/emit.h"
#include "emit/piece_cache.h"
#include "model/parallel.h"
#include "model/release_memory.h"

namespace dossier::emit {

namespace fs = std::filesystem;

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      {"html", "html", write_html}, {"epub", "epub", write_epub}, {"pdf", "pdf", write_pdf},
      {"md", "md", write_markdown}, {"json", "json", write_json},
  };
  return table;
}

const Format* find_format(const std::string& name) {
  for (const auto& f : formats()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

namespace {

// An output file as a stream: a megabyte of buffer (outputs run to hundreds of MB, and each
// buffer's worth is a system call), and the kernel asked to start writing each 8 MB to disk
// as soon as it is written, so the fsync before the rename finds little left to do (it took
// 0.1–0.3 s per large output when it had the whole file to write).
class FileBuffer : public std::streambuf {
 public:
  explicit FileBuffer(int fd) : fd_(fd), buffer_(std::size_t{1} << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  FileBuffer(const FileBuffer&) = delete;
  FileBuffer& operator=(const FileBuffer&) = delete;

  bool failed() const { return failed_; }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr off_t kWritebackStep = off_t{8} << 20;

  bool drain() {
    const char* p = pbase();
    while (!failed_ && p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failed_ = true;
        error_ = n < 0 ? errno : EIO;
        break;
      }
      p += n;
      written_ += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    if (written_ - queued_ >= kWritebackStep) {
      // Only a hint: where the file system cannot, the fsync does it all.
      ::sync_file_range(fd_, queued_, written_ - queued_, SYNC_FILE_RANGE_WRITE);
      queued_ = written_;
    }
    return !failed_;
  }

  int fd_;
  std::vector<char> buffer_;
  off_t written_ = 0;  // bytes handed to the kernel
  off_t queued_ = 0;   // bytes it was asked to write back
  bool failed_ = false;
  int error_ = 0;
};

// The briefing and its reference parts, held while the writers read them and freed as soon as
// none does: when every writer has returned or said it is done with them (the PDF writer says
// so before libharu assembles the document, the build's memory peak, 0.4 GB of model at 10,000
// articles). Freed on a thread of its own, so that no writer waits for millions of frees.
class HeldModel {
 public:
  HeldModel(model::Briefing briefing, std::size_t readers)
      : briefing_(std::move(briefing)), readers_(readers), done_(readers) {}
  HeldModel(const HeldModel&) = delete;
  HeldModel& operator=(const HeldModel&) = delete;
  ~HeldModel() {
    if (freeing_.joinable()) freeing_.join();
  }

  const model::Briefing& briefing() const { return briefing_; }

  // Holds `view` with the briefing (it points into it); the writers get a pointer that does
  // not keep it alive.
  std::shared_ptr<const BriefingView> hold(BriefingView view) {
    view_ = std::make_unique<const BriefingView>(std::move(view));
    return std::shared_ptr<const BriefingView>(std::shared_ptr<void>(), view_.get());
  }

  // Reader `k` reads no more; a second call for the same reader counts once.
  void done_reading(std::size_t k) {
    bool first = false;
    std::call_once(done_[k], [&] { first = true; });
    if (!first || --readers_ != 0) return;
    freeing_ = std::thread([briefing = std::move(briefing_), view = std::move(view_)]() mutable {
      view.reset();
      briefing = {};
      model::release_free_memory();
    });
  }

 private:
  model::Briefing briefing_;
  std::unique_ptr<const BriefingView> view_;
  std::atomic<std::size_t> readers_;
  std::vector<std::once_flag> done_;
  std::thread freeing_;
};

model::Diagnostic output_error(const fs::path& path, std::string why) {
  return {model::Severity::Error, model::DiagCode::OutputWrite, path.string(), 0, 0,
          std::move(why)};
}

}  // namespace

model::Result<fs::path> write_temporary_file(const fs::path& path,
                                             const std::function<bool(std::ostream&)>& write) {
  const auto fail = [&](std::string why) { return output_error(path, std::move(why)); };
  const fs::path temp =
      path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail(std::string("cannot create file: ") + std::strerror(errno));
  const auto discard = [&](std::string why) {
    ::close(fd);
    std::error_code ec;
    fs::remove(temp, ec);
    return fail(std::move(why));
  };
  bool written = false;
  {
    FileBuffer buffer(fd);
    std::ostream out(&buffer);
    written = write(out);
    out.flush();
    if (buffer.failed()) {
      return discard(std::string("write failed: ") + std::strerror(buffer.error()));
    }
    if (!written || !out) {
      return discard(written ? "write failed" : "the writer failed");
    }
  }
  // Flushed to disk before the rename, so a crash cannot leave a renamed but empty file.
  if (::fsync(fd) != 0) return discard(std::string("write failed: ") + std::strerror(errno));
  if (::close(fd) != 0) {
    std::error_code ec;
    fs::remove(temp, ec);
    return fail(std::string("write failed: ") + std::strerror(errno));
  }
  return temp;
}

model::Result<bool> move_into_place(const fs::path& temporary, const fs::path& path) {
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    std::string why = "cannot rename into place: " + ec.message();
    fs::remove(temporary, ec);
    return output_error(path, std::move(why));
  }
  return true;
}

model::Result<bool> write_file_atomically(const fs::path& path,
                                          const std::function<bool(std::ostream&)>& write) {
  auto temp = write_temporary_file(path, write);
  if (!temp) return temp.error();
  return move_into_place(temp.value(), path);
}

std::vector<WrittenOutput> write_outputs(model::Briefing briefing_to_free,
                                         const std::vector<std::string>& format_names,
                                         const fs::path& folder, const EmitOptions& options,
                                         model::Diagnostics& diag) {
  std::vector<WrittenOutput> outputs;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    diag.error(model::DiagCode::OutputWrite, folder.string(), 0, 0,
               "cannot create output folder: " + ec.message());
    return outputs;
  }
  for (const auto& name : format_names) {
    // Names are checked when the job is loaded.
    if (const Format* format = find_format(name)) {
      outputs.push_back({format->name, folder / (std::string("briefing.") + format->extension)});
    }
  }
  // The formats are independent readers of one briefing: each on a thread of its own (the
  // slowest, PDF, first), their diagnostics gathered in the order they were asked for.
  std::vector<std::size_t> order(outputs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return (outputs[a].format == "pdf") > (outputs[b].format == "pdf");
  });
  HeldModel held(std::move(briefing_to_free), outputs.size());
  const model::Briefing& briefing = held.briefing();
  // The reference parts, which every format but JSON shows, are worked out once for all.
  EmitOptions shared = options;
  const bool shows_parts = std::any_of(outputs.begin(), outputs.end(),
                                       [](const WrittenOutput& o) { return o.format != "json"; });
  if (!shared.view && shows_parts) shared.view = held.hold(make_view(briefing, options.threads));
  // Each source's digest, which finds its chapters among the pieces of earlier builds in
  // every format, is made once for all of them.
  if (shared.pieces && !shared.source_digests) {
    shared.source_digests = std::make_shared<const std::vector<model::Digest>>(
        digest_sources(briefing, options.threads));
  }
  if (shared.pieces && shared.view && !shared.parts_digests) {
    shared.parts_digests = parts_digests(*shared.view);
  }
  if (shared.pieces && shared.view && !shared.link_digests) {
    shared.link_digests = std::make_shared<const std::vector<model::Digest>>(
        digest_links(briefing, *shared.view, options.threads));
  }
  std::vector<std::optional<model::Diagnostic>> errors(outputs.size());
  // The writers' finished files, renamed together at the end; removed if a writer throws.
  struct Written {
    std::vector<std::optional<fs::path>> files;
    ~Written() {
      for (const auto& file : files) {
        std::error_code ec;
        if (file) fs::remove(*file, ec);
      }
    }
  } written{std::vector<std::optional<fs::path>>(outputs.size())};
  model::parallel_for(order.size(), options.threads, [&](std::size_t k) {
    const std::size_t i = order[k];
    WrittenOutput& output = outputs[i];
    const auto start = std::chrono::steady_clock::now();
    std::optional<model::Diagnostic> writer_error;
    EmitOptions own = shared;
    own.done_with_briefing = [&held, i] { held.done_reading(i); };
    auto result = write_temporary_file(output.path, [&](std::ostream& out) {
      auto r = find_format(output.format)->write(briefing, own, out);
      held.done_reading(i);
      if (!r) writer_error = r.error();
      return r.ok();
    });
    output.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    model::release_free_memory();  // what this writer freed, before the next one runs
    if (result) {
      written.files[i] = std::move(result.value());
    } else {
      errors[i] = writer_error ? *writer_error : result.error();
    }
  });
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (!written.files[i]) continue;
    auto moved = move_into_place(*written.files[i], outputs[i].path);
    written.files[i].reset();
    outputs[i].ok = moved.ok();
    if (!moved) errors[i] = moved.error();
  }
  for (auto& error : errors) {
    if (error) diag.report(std::move(*error));
  }
  return outputs;
}

}  // namespace dossier::emit
