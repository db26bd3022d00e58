#include "emit/pdf/object_streams.h"

#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <iterator>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <thread>

#include "emit/deflate.h"
#include "emit/pdf/haru_objects.h"
#include "emit/piece_cache.h"
#include "model/digest.h"

namespace dossier::emit::pdf {

namespace {

bool is_stream(const void* object) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(object);
  return (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
         static_cast<const HPDF_Dict_Rec*>(object)->stream != nullptr;
}

HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
  return HPDF_OK;
}

// The cross-reference stream's rows, /W [1 4 2], each already led by its predictor byte (PNG's
// "up": a row is written as its difference from the row above, so offsets that grow and
// object streams that repeat become runs of zeros): eight bytes an object, the only thing
// held for every object (26 MB for the 3.3 million objects of 10,000 articles).
class XrefRows {
 public:
  enum Type : std::uint8_t { Free = 0, AtOffset = 1, InObjectStream = 2 };
  static constexpr std::size_t kWidth = 8;

  void reserve(std::size_t rows) { bytes_.reserve(rows * kWidth); }
  std::size_t size() const { return bytes_.size() / kWidth; }
  bool is_set(HPDF_UINT32 id) const {
    return std::size_t{id} < size() && bytes_[std::size_t{id} * kWidth + 1] != Free;
  }
  // `where`: the byte offset, or the object stream's number; `index`: the generation, or the
  // place in the object stream.
  void set(HPDF_UINT32 id, Type type, std::uint32_t where, std::uint16_t index) {
    if (std::size_t{id} >= size()) bytes_.resize((std::size_t{id} + 1) * kWidth, '\0');
    char* row = bytes_.data() + std::size_t{id} * kWidth;
    const std::uint8_t fields[kWidth] = {2,
                                         type,
                                         static_cast<std::uint8_t>(where >> 24),
                                         static_cast<std::uint8_t>(where >> 16),
                                         static_cast<std::uint8_t>(where >> 8),
                                         static_cast<std::uint8_t>(where),
                                         static_cast<std::uint8_t>(index >> 8),
                                         static_cast<std::uint8_t>(index)};
    std::copy(std::begin(fields), std::end(fields), row);
  }
  // Whether every object from 1 on has its row.
  bool complete() const {
    for (std::size_t at = kWidth + 1; at < bytes_.size(); at += kWidth) {
      if (bytes_[at] == Free) return false;
    }
    return true;
  }
  // The rows predicted (each minus the one above, from the last up, in place) and deflated
  // in zlib's wrapper, streamed so that no second copy of the table is made. Empty on failure.
  std::string predicted_and_deflated() {
    for (std::size_t row = size(); row-- > 1;) {
      for (std::size_t k = 1; k < kWidth; ++k) {
        bytes_[row * kWidth + k] =
            static_cast<char>(static_cast<std::uint8_t>(bytes_[row * kWidth + k]) -
                              static_cast<std::uint8_t>(bytes_[(row - 1) * kWidth + k]));
      }
    }
    z_stream z{};
    if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) return {};
    std::string out;
    char chunk[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(bytes_.data());
    z.avail_in = static_cast<uInt>(bytes_.size());
    int status = Z_OK;
    while (status == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(chunk);
      z.avail_out = sizeof chunk;
      status = deflate(&z, Z_FINISH);
      out.append(chunk, sizeof chunk - z.avail_out);
    }
    deflateEnd(&z);
    return status == Z_STREAM_END ? out : std::string();
  }

 private:
  std::string bytes_;
};

// An object stream's objects gathered: their numbers and offsets, then their values. Its
// compression runs on a thread of its own while the next ones are gathered (at 10,000
// articles that is 400 MB of dictionaries, a second of DEFLATE).
struct ObjectStream {
  HPDF_UINT32 id = 0;
  std::uint16_t members = 0;
  std::string index, bodies;  // released once compressed
  std::size_t first = 0;      // the index's length: where the bodies start
  std::string packed;         // index then bodies, compressed
  bool compressed = false;
};

// Compresses the object streams handed to it, in turn, on one thread; or copies one from
// `pieces`, where an earlier build kept it under the digest of the same bytes.
class Compressor {
 public:
  explicit Compressor(PieceCache* pieces) : pieces_(pieces), thread_([this] { run(); }) {}
  ~Compressor() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;

  // Hands `stream` over; it stays in place until it is taken back with take_next().
  void add(ObjectStream stream) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(stream));
    }
    changed_.notify_all();
  }
  std::size_t waiting() {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }
  // The oldest stream, once compressed (its `packed` empty if compressing failed).
  ObjectStream take_next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.front().compressed; });
    ObjectStream next = std::move(queue_.front());
    queue_.pop_front();
    --next_;
    return next;
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] { return stopping_ || next_ < queue_.size(); });
      if (stopping_) return;
      ObjectStream& stream = queue_[next_];  // a deque's elements stay where they are
      lock.unlock();
      try {
        stream.first = stream.index.size();
        stream.index += stream.bodies;
        std::string().swap(stream.bodies);
        stream.packed = packed(stream.index);
        std::string().swap(stream.index);
      } catch (const std::bad_alloc&) {
        stream.packed.clear();
      }
      lock.lock();
      stream.compressed = true;
      ++next_;
      changed_.notify_all();
    }
  }

  std::string packed(const std::string& bytes) {
    if (!pieces_) return emit::deflate(bytes, DeflateWrapper::Zlib);
    model::Digester d;
    d.add_field("pdf object stream, zlib");
    d.add(bytes);
    const model::Digest key = d.value();
    if (auto kept = pieces_->find(key, PieceKind::ObjectStream)) return std::move(*kept);
    std::string made = emit::deflate(bytes, DeflateWrapper::Zlib);
    if (!made.empty()) pieces_->store(key, made);
    return made;
  }

  PieceCache* pieces_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ObjectStream> queue_;
  std::size_t next_ = 0;  // queue_[next_] is the next to compress
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is made
};

class CompactWriter {
 public:
  CompactWriter(HPDF_Doc doc, HPDF_Stream out, PieceCache* pieces)
      : doc_(doc), out_(out), compressor_(pieces) {}

  bool write() {
    gather_ = HPDF_CallbackWriter_New(doc_->mmgr, append_to_string, &open_.bodies);
    if (!gather_) return false;
    std::string header = "%PDF-1.5\n%\267\276\255\252\n";
    header[7] = static_cast<char>('2' + std::max<int>(doc_->pdf_version, HPDF_VER_15));
    if (!put(header)) return false;
    HPDF_List entries = doc_->xref->entries;
    rows_.reserve(numbers_when_saved(entries->count));
    // The count is read each time round: libharu adds a font's descriptor and file as it
    // writes the font.
    for (HPDF_UINT32 id = 1; id < entries->count; ++id) {
      if (rows_.is_set(id)) continue;  // an object stream's number
      void* object = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, id))->obj;
      if (!(is_stream(object) ? write_alone(id, object) : gather(id, object))) return false;
    }
    if (!close_object_stream()) return false;
    while (compressor_.waiting() > 0) {
      if (!write_object_stream(compressor_.take_next())) return false;
    }
    return write_xref_stream();
  }

 private:
  // Object streams compressing at once, at most: enough to keep the compressor busy.
  static constexpr std::size_t kInFlight = 8;

  bool put(std::string_view bytes) {
    return HPDF_Stream_Write(out_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                             static_cast<HPDF_UINT>(bytes.size())) == HPDF_OK;
  }

  // As libharu writes an object: "N 0 obj", its value, "endobj".
  bool write_alone(HPDF_UINT32 id, void* object) {
    rows_.set(id, XrefRows::AtOffset, out_->size, 0);
    return put(std::to_string(id) + " 0 obj\n") &&
           HPDF_Obj_WriteValue(object, out_, nullptr) == HPDF_OK && put("\nendobj\n");
  }

  // Into the object stream being gathered, started when there is none: its number is taken
  // in libharu's table (a null object there, skipped by write()), so objects libharu adds
  // while saving get numbers after it.
  bool gather(HPDF_UINT32 id, void* object) {
    if (open_.members == 0) {
      HPDF_Null placeholder = HPDF_Null_New(doc_->mmgr);
      if (!placeholder || HPDF_Xref_Add(doc_->xref, placeholder) != HPDF_OK) return false;
      open_.id = object_id(placeholder);
      rows_.set(open_.id, XrefRows::AtOffset, 0, 0);  // its offset once written
    }
    rows_.set(id, XrefRows::InObjectStream, open_.id, open_.members);
    open_.index += std::to_string(id);
    open_.index += ' ';
    open_.index += std::to_string(open_.bodies.size());
    open_.index += ' ';
    if (HPDF_Obj_WriteValue(object, gather_, nullptr) != HPDF_OK) return false;
    open_.bodies += '\n';
    return ++open_.members < kObjectsPerStream || close_object_stream();
  }

  // Hands the gathered stream to the compressor, and writes those it has finished.
  bool close_object_stream() {
    if (open_.members == 0) return true;
    compressor_.add(std::move(open_));
    open_ = ObjectStream{};
    while (compressor_.waiting() > kInFlight) {
      if (!write_object_stream(compressor_.take_next())) return false;
    }
    return true;
  }

  bool write_object_stream(const ObjectStream& stream) {
    if (stream.packed.empty()) return false;
    rows_.set(stream.id, XrefRows::AtOffset, out_->size, 0);
    return put(std::to_string(stream.id) + " 0 obj\n<<\n/Type /ObjStm\n/N " +
               std::to_string(stream.members) + "\n/First " + std::to_string(stream.first) +
               "\n/Filter /FlateDecode\n/Length " + std::to_string(stream.packed.size()) +
               "\n>>\nstream\r\n") &&
           put(stream.packed) && put("\nendstream\nendobj\n");
  }

  bool write_xref_stream() {
    const HPDF_UINT32 id = doc_->xref->entries->count;
    const std::uint32_t offset = out_->size;
    rows_.set(id, XrefRows::AtOffset, offset, 0);
    rows_.set(0, XrefRows::Free, 0, 0xFFFF);
    if (!rows_.complete()) return false;
    const std::size_t size = rows_.size();
    const std::string packed = rows_.predicted_and_deflated();
    if (packed.empty()) return false;
    std::string dict = std::to_string(id) + " 0 obj\n<<\n/Type /XRef\n/Size " +
                       std::to_string(size) + "\n/W [ 1 4 2 ]\n";
    if (doc_->catalog) dict += "/Root " + std::to_string(object_id(doc_->catalog)) + " 0 R\n";
    if (doc_->info) dict += "/Info " + std::to_string(object_id(doc_->info)) + " 0 R\n";
    dict += "/Filter /FlateDecode\n/DecodeParms << /Columns 7 /Predictor 12 >>\n/Length " +
            std::to_string(packed.size()) + "\n>>\nstream\r\n";
    return put(dict) && put(packed) &&
           put("\nendstream\nendobj\nstartxref\n" + std::to_string(offset) + "\n%%EOF\n");
  }

  HPDF_Doc doc_;
  HPDF_Stream out_;
  HPDF_Stream gather_ = nullptr;  // appends to open_.bodies
  XrefRows rows_;
  ObjectStream open_;  // the object stream being gathered
  Compressor compressor_;
};

}  // namespace

bool write_with_object_streams(HPDF_Doc doc, HPDF_Stream out, PieceCache* pieces) {
  const bool fits =
      doc && doc->xref && !doc->xref->prev && doc->xref->start_offset == 0 && !doc->encrypt_on;
  return fits && CompactWriter(doc, out, pieces).write();
}

}  // namespace dossier::emit::pdf
