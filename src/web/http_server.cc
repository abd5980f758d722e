// The HTTP/1.1 server behind web/http.h, built on Boost.Beast 1.74. This is the only translation unit
// in Safeguard that includes Beast or Asio (it takes ~15 s and ~700 MB to compile; nothing else should).
//
// Shape: one io_context run by `io_threads` threads does all socket I/O; each connection is a chain of
// asynchronous operations on its own strand, so an idle keep-alive connection is one pending read and
// one timer and costs no thread and no CPU. The handler blocks (database work), so each parsed request
// is posted to a separate pool of `worker_threads`, and the finished response is posted back to the
// connection's strand to be written. A connection has at most one request in the pool at a time, so
// the pool's queue is bounded by the number of open connections.
// Before any Asio header: GCC 12 in C++20 mode needs it for asio/awaitable.hpp.
#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include "web/http.h"

namespace safeguard::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using Tcp = net::ip::tcp;

// After an error response or `Connection: close`, the client may still be sending (the rest of an
// oversized body, a pipelined request). Closing a socket with unread input makes the kernel send RST,
// which can destroy the response before the client reads it, so we half-close and read and discard for
// a short while first ("lingering close", as nginx and Apache do). Bounded in time and bytes.
constexpr std::chrono::seconds kMaxLinger{2};
constexpr std::size_t kMaxLingerBytes = 1024 * 1024;
constexpr std::size_t kLingerReadBytes = 4096;
// An idle keep-alive connection waits for the first bytes of its next request in a buffer this small,
// so that idle connections hold almost no memory.
constexpr std::size_t kIdleReadBytes = 1024;
// When accept() fails for lack of resources (EMFILE, ENFILE, ENOBUFS), retrying at once would spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

void log_line(const std::string& line) {
  // One fprintf per line, so that lines from different threads do not interleave.
  std::fprintf(stderr, "safeguard web: %s\n", line.c_str());
}

// Beast 1.74's string_view is boost::string_view, which does not convert to the standard one.
std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

// True if a comma-separated header value (e.g. `Connection: keep-alive, close`) lists `token`.
bool lists_token(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (equals_ignoring_case(item, token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The percent-decoded path, or nothing if the path is not origin-form ("/..."), has a broken escape,
// or decodes to a NUL (which would truncate it in any C API further down).
std::optional<std::string> decode_path(std::string_view raw) {
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  std::string decoded;
  decoded.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (raw.size() - i < 3) return std::nullopt;
      int high = hex_digit(raw[i + 1]);
      int low = hex_digit(raw[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      if (c == '\0') return std::nullopt;
      i += 2;
    }
    decoded.push_back(c);
  }
  return decoded;
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// A header the handler built from user data must not be able to split the response.
std::optional<std::string> header_problem(const Header& header) {
  if (header.name.empty()) return "an empty header name";
  for (char c : header.name) {
    if (!is_token_char(c)) return "an invalid header name \"" + header.name + "\"";
  }
  if (header.value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
    return "a CR, LF or NUL in the value of header \"" + header.name + "\"";
  }
  return std::nullopt;
}

std::string endpoint_text(const std::string& address, uint16_t port) {
  bool v6 = address.find(':') != std::string::npos;
  return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

// The peer's address as people write it: an IPv4 client of a dual-stack socket is "1.2.3.4", not
// "::ffff:1.2.3.4".
std::string address_text(const net::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

// What the response to a request must look like, decided when the request is read.
struct ReplyShape {
  unsigned version = 11;
  bool keep_alive = false;
  bool head = false;
};

using BeastResponse = http::response<http::string_body>;

BeastResponse internal_error_response(const ReplyShape& shape);

// Turns the handler's Response into Beast's. Framing (Content-Length, Transfer-Encoding, Connection)
// belongs to the server: the handler's own values for these are dropped, except that a handler may
// ask for the connection to be closed with `Connection: close`.
BeastResponse to_beast(Response response, const ReplyShape& shape) {
  std::optional<std::string> problem;
  if (response.status < 200 || response.status > 599) {
    problem = "status " + std::to_string(response.status) + " (a handler may answer only 200-599)";
  }
  for (const Header& header : response.headers) {
    if (problem) break;
    problem = header_problem(header);
  }
  if (problem) {
    log_line("handler returned an unusable response: " + *problem);
    return internal_error_response(shape);
  }

  BeastResponse message;
  message.version(shape.version);
  message.result(static_cast<unsigned>(response.status));
  bool keep_alive = shape.keep_alive;
  for (const Header& header : response.headers) {
    if (equals_ignoring_case(header.name, "Content-Length") ||
        equals_ignoring_case(header.name, "Transfer-Encoding")) {
      continue;
    }
    if (equals_ignoring_case(header.name, "Connection")) {
      if (lists_token(header.value, "close")) keep_alive = false;
      continue;
    }
    message.insert(header.name, header.value);
  }
  // RFC 9110 8.6: no Content-Length and no body in 204 and 304. A HEAD response says how long the GET
  // body would be but sends none.
  bool bodiless = response.status == 204 || response.status == 304;
  if (!bodiless) message.content_length(response.body.size());
  if (!bodiless && !shape.head) message.body() = std::move(response.body);
  message.keep_alive(keep_alive);
  return message;
}

BeastResponse internal_error_response(const ReplyShape& shape) {
  return to_beast(Response::text(500, "Internal server error"), shape);
}

class BeastServer;

// One TCP connection: reads a request, hands it to the worker pool, writes the response, and either
// waits for the next request (keep-alive) or closes. Every member is touched only on the connection's
// strand, except `strand_` and `id_`, which never change.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(BeastServer& server, Tcp::socket socket, std::string remote_address, uint64_t id);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const net::any_io_executor& strand() const { return strand_; }
  void start();
  // Writes the response to the current request; called on the strand.
  void write(BeastResponse response);
  // The server is stopping: drop the connection unless a request is being handled or answered.
  void on_server_stop();

 private:
  enum class Phase { kReading, kHandling, kWriting, kClosing, kClosed };

  void read_request(bool first);
  void on_first_bytes(beast::error_code ec, std::size_t bytes);
  void read_header();
  void on_header(beast::error_code ec, std::size_t bytes);
  void on_continue_sent(beast::error_code ec, std::size_t bytes);
  void read_body();
  void on_body(beast::error_code ec, std::size_t bytes);
  void on_read_error(beast::error_code ec);
  void on_request();
  void send_error(int status, std::string text);
  void on_write(beast::error_code ec, std::size_t bytes);
  void linger_then_close();
  void linger_read();
  void close();

  BeastServer& server_;
  const ServerOptions& options_;
  beast::tcp_stream stream_;
  const net::any_io_executor strand_;
  const std::string remote_address_;
  const uint64_t id_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<BeastResponse> response_;  // kept alive while it is written
  Phase phase_ = Phase::kReading;
  bool close_after_write_ = false;
  std::size_t lingered_bytes_ = 0;
};

class BeastServer final : public HttpServer {
 public:
  BeastServer(ServerOptions options, Handler handler, bool handle_signals)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        handle_signals_(handle_signals),
        ioc_(std::max(options_.io_threads, 1)),
        work_(net::make_work_guard(ioc_)),
        acceptor_(net::make_strand(ioc_)),
        accept_retry_(acceptor_.get_executor()) {}

  ~BeastServer() override { stop(); }
  BeastServer(const BeastServer&) = delete;
  BeastServer& operator=(const BeastServer&) = delete;

  Status start() override;
  uint16_t port() const override { return port_.load(); }
  void wait() override;
  void stop() override;

  const ServerOptions& options() const { return options_; }
  bool stopping() const { return stopping_.load(); }
  // Runs the handler for `request` on the worker pool and posts the response back to `connection`.
  void handle(std::shared_ptr<Connection> connection, Request request, ReplyShape shape);
  void forget(uint64_t connection_id);

 private:
  Status validate_options() const;
  void accept();
  void on_accept(beast::error_code ec, Tcp::socket socket);
  // Stops accepting and closes idle connections without blocking: safe from any thread, including
  // the I/O threads (the signal handler uses it). stop() then waits for the rest to finish.
  void request_stop();
  BeastResponse run_handler(const Request& request, const ReplyShape& shape);

  const ServerOptions options_;
  const Handler handler_;
  const bool handle_signals_;
  std::atomic<uint16_t> port_{0};
  std::atomic<bool> stopping_{false};

  // Declared before the io_context so that they outlive it: connections destroyed with the
  // io_context's pending handlers still call forget().
  std::mutex mutex_;
  std::condition_variable changed_;
  std::unordered_map<uint64_t, std::weak_ptr<Connection>> connections_;  // guarded by mutex_
  uint64_t next_connection_id_ = 1;                                      // guarded by mutex_
  bool stop_requested_ = false;                                          // guarded by mutex_
  bool acceptor_closed_ = false;                                         // guarded by mutex_

  std::mutex stop_mutex_;  // serialises start() and stop()
  bool started_ = false;   // guarded by stop_mutex_
  bool joined_ = false;    // guarded by stop_mutex_

  net::io_context ioc_;
  net::executor_work_guard<net::io_context::executor_type> work_;
  // The acceptor, its retry timer and the signal set share one strand, so stopping can close them
  // from any thread by posting there.
  Tcp::acceptor acceptor_;
  net::steady_timer accept_retry_;
  std::optional<net::signal_set> signals_;
  // Destroyed before the io_context: queued work holds connections, whose sockets belong to it.
  std::optional<net::thread_pool> workers_;
  std::vector<std::thread> io_threads_;
};

// ---- Connection ----

Connection::Connection(BeastServer& server, Tcp::socket socket, std::string remote_address, uint64_t id)
    : server_(server),
      options_(server.options()),
      stream_(std::move(socket)),
      strand_(stream_.get_executor()),
      remote_address_(std::move(remote_address)),
      id_(id) {}

Connection::~Connection() { server_.forget(id_); }

void Connection::start() {
  net::post(strand_, [self = shared_from_this()] { self->read_request(/*first=*/true); });
}

void Connection::on_server_stop() {
  net::post(strand_, [self = shared_from_this()] {
    if (self->phase_ == Phase::kReading || self->phase_ == Phase::kClosing) self->close();
  });
}

void Connection::read_request(bool first) {
  phase_ = Phase::kReading;
  if (server_.stopping()) return close();
  if (!first && buffer_.size() == 0) {
    // Idle keep-alive: wait for the next request with the keep-alive timeout; the whole-request
    // deadline starts only when its first bytes arrive. Give back the previous request's buffer.
    buffer_.shrink_to_fit();
    stream_.expires_after(std::chrono::seconds(options_.keep_alive_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(kIdleReadBytes),
                            beast::bind_front_handler(&Connection::on_first_bytes, shared_from_this()));
    return;
  }
  read_header();
}

void Connection::on_first_bytes(beast::error_code ec, std::size_t bytes) {
  if (ec) return close();  // idle timeout, or the client went away: nothing to answer
  buffer_.commit(bytes);
  read_header();
}

void Connection::read_header() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(options_.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
  parser_->body_limit(static_cast<std::uint64_t>(options_.max_body_bytes));
  // One deadline for the whole request, header and body: a client trickling bytes cannot hold the
  // connection open for longer than this (slowloris).
  stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&Connection::on_header, shared_from_this()));
}

void Connection::on_header(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return on_read_error(ec);
  if (parser_->is_done()) return on_request();
  // A client that asks before sending a large body (curl does) would otherwise wait a second.
  const auto& message = parser_->get();
  auto expect = message.find(http::field::expect);
  if (message.version() >= 11 && expect != message.end() &&
      equals_ignoring_case(view(expect->value()), "100-continue")) {
    net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                     beast::bind_front_handler(&Connection::on_continue_sent, shared_from_this()));
    return;
  }
  read_body();
}

void Connection::on_continue_sent(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return close();
  read_body();
}

void Connection::read_body() {
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&Connection::on_body, shared_from_this()));
}

void Connection::on_body(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return on_read_error(ec);
  on_request();
}

void Connection::on_read_error(beast::error_code ec) {
  if (phase_ != Phase::kReading) return close();  // closed under us by stop()
  static const auto& http_errors = http::make_error_code(http::error::end_of_stream).category();
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
    return send_error(431, "Request header fields too large");
  }
  if (ec == http::error::body_limit) return send_error(413, "Request body too large");
  // end_of_stream: the client closed between requests; partial_message: it closed mid-request.
  // Neither can read an answer.
  if (ec.category() == http_errors && ec != http::error::end_of_stream &&
      ec != http::error::partial_message) {
    return send_error(400, "Bad request");
  }
  close();  // timeout (the stream has already closed the socket), reset, or aborted by stop()
}

void Connection::on_request() {
  http::request<http::string_body> message = parser_->release();
  parser_.reset();
  // Beast has already refused any version but 1.0 and 1.1 (bad_version, hence 400).

  std::string_view target = view(message.target());
  std::size_t question = target.find('?');
  std::optional<std::string> path = decode_path(target.substr(0, question));
  if (!path) return send_error(400, "Bad request");

  Request request;
  request.method = std::string(view(message.method_string()));
  request.target = std::string(target);
  request.path = std::move(*path);
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  request.headers.reserve(static_cast<std::size_t>(std::distance(message.begin(), message.end())));
  for (const auto& field : message) {
    request.headers.push_back({std::string(view(field.name_string())), std::string(view(field.value()))});
  }
  request.body = std::move(message.body());
  request.remote_address = remote_address_;

  ReplyShape shape{message.version(), message.keep_alive(), message.method() == http::verb::head};
  phase_ = Phase::kHandling;
  server_.handle(shared_from_this(), std::move(request), shape);
}

// Answers a request the handler never sees, then closes: after a malformed or oversized request we
// cannot know where the next one would start.
void Connection::send_error(int status, std::string text) {
  ReplyShape shape{11, /*keep_alive=*/false, /*head=*/false};
  write(to_beast(Response::text(status, std::move(text)), shape));
}

void Connection::write(BeastResponse response) {
  if (phase_ == Phase::kClosed) return;
  phase_ = Phase::kWriting;
  response_.emplace(std::move(response));
  if (server_.stopping()) response_->keep_alive(false);  // tell the client not to send another
  close_after_write_ = !response_->keep_alive();
  // A client that stops reading must not pin the connection forever either.
  stream_.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
  http::async_write(stream_, *response_,
                    beast::bind_front_handler(&Connection::on_write, shared_from_this()));
}

void Connection::on_write(beast::error_code ec, std::size_t /*bytes*/) {
  response_.reset();
  // Older Beast reported end_of_stream after writing a response that needs the connection closed.
  if (ec == http::error::end_of_stream) {
    ec = {};
    close_after_write_ = true;
  }
  if (ec) return close();
  if (close_after_write_ || server_.stopping()) return linger_then_close();
  read_request(/*first=*/false);
}

void Connection::linger_then_close() {
  phase_ = Phase::kClosing;
  if (server_.stopping()) return close();
  beast::error_code ec;
  stream_.socket().shutdown(Tcp::socket::shutdown_send, ec);
  if (ec) return close();
  buffer_.consume(buffer_.size());
  stream_.expires_after(std::min(kMaxLinger, std::chrono::seconds(options_.read_timeout_seconds)));
  linger_read();
}

void Connection::linger_read() {
  stream_.async_read_some(buffer_.prepare(kLingerReadBytes),
                          [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            self->lingered_bytes_ += bytes;
                            if (ec || self->lingered_bytes_ > kMaxLingerBytes) return self->close();
                            self->linger_read();
                          });
}

void Connection::close() {
  if (phase_ == Phase::kClosed) return;
  phase_ = Phase::kClosed;
  beast::error_code ec;
  stream_.socket().shutdown(Tcp::socket::shutdown_both, ec);
  stream_.close();
  // The parser and the response stay until the connection goes: an operation still pending when
  // stop() closes the socket completes later with an error, and touches them as it unwinds.
}

// ---- BeastServer ----

Status BeastServer::validate_options() const {
  if (options_.io_threads < 1) return Error::invalid("io_threads must be at least 1", "io_threads");
  if (options_.worker_threads < 1) {
    return Error::invalid("worker_threads must be at least 1", "worker_threads");
  }
  if (options_.max_header_bytes < 1) {
    return Error::invalid("max_header_bytes must be positive", "max_header_bytes");
  }
  if (options_.read_timeout_seconds < 1) {
    return Error::invalid("read_timeout_seconds must be at least 1", "read_timeout_seconds");
  }
  if (options_.keep_alive_timeout_seconds < 1) {
    return Error::invalid("keep_alive_timeout_seconds must be at least 1", "keep_alive_timeout_seconds");
  }
  return Status::success();
}

Status BeastServer::start() {
  std::lock_guard stop_lock(stop_mutex_);
  if (started_ || stopping()) return Error::invalid("the HTTP server can be started only once");
  if (Status valid = validate_options(); !valid) return valid;

  const std::string where = endpoint_text(options_.bind_address, options_.port);
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(options_.bind_address, ec);
  if (ec) {
    return Error::invalid(
        "could not listen on " + where + ": \"" + options_.bind_address + "\" is not an IPv4 or IPv6 address",
        "bind_address");
  }
  Tcp::endpoint endpoint(address, options_.port);
  auto fail = [&](const beast::error_code& error) -> Status {
    beast::error_code ignored;
    acceptor_.close(ignored);
    return Error::invalid("could not listen on " + where + ": " + error.message(), "port");
  };
  if (acceptor_.open(endpoint.protocol(), ec); ec) return fail(ec);
  // Lets a restarted server bind while connections of the previous one sit in TIME_WAIT.
  if (acceptor_.set_option(net::socket_base::reuse_address(true), ec); ec) return fail(ec);
  if (acceptor_.bind(endpoint, ec); ec) return fail(ec);
  if (acceptor_.listen(net::socket_base::max_listen_connections, ec); ec) return fail(ec);
  Tcp::endpoint local = acceptor_.local_endpoint(ec);
  if (ec) return fail(ec);
  port_.store(local.port());

  workers_.emplace(static_cast<std::size_t>(options_.worker_threads));
  if (handle_signals_) {
    signals_.emplace(acceptor_.get_executor(), SIGINT, SIGTERM);
    signals_->async_wait([this](beast::error_code error, int /*signal*/) {
      if (!error) request_stop();
    });
  }
  accept();
  io_threads_.reserve(static_cast<std::size_t>(options_.io_threads));
  for (int i = 0; i < options_.io_threads; ++i) {
    io_threads_.emplace_back([this] {
      // A handler that throws here is a defect in this file; keep serving rather than terminate.
      for (;;) {
        try {
          ioc_.run();
          return;
        } catch (const std::exception& e) {
          log_line(std::string("I/O thread caught: ") + e.what());
        }
      }
    });
  }
  started_ = true;
  return Status::success();
}

void BeastServer::accept() {
  acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&BeastServer::on_accept, this));
}

void BeastServer::on_accept(beast::error_code ec, Tcp::socket socket) {
  if (stopping() || ec == net::error::operation_aborted) return;
  if (ec) {
    log_line("accept failed: " + ec.message());
    accept_retry_.expires_after(kAcceptRetryDelay);
    accept_retry_.async_wait([this](beast::error_code error) {
      if (!error && !stopping()) accept();
    });
    return;
  }
  accept();

  beast::error_code ignored;
  Tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return;  // the client has already gone
  // Responses are written whole; Nagle would only hold back their last segment.
  socket.set_option(Tcp::no_delay(true), ignored);

  std::shared_ptr<Connection> connection;
  {
    std::lock_guard lock(mutex_);
    // Registering under the lock that request_stop() takes means a connection is either seen by
    // request_stop() or refused here, never missed.
    if (stop_requested_) return;
    uint64_t id = next_connection_id_++;
    connection = std::make_shared<Connection>(*this, std::move(socket), address_text(peer.address()), id);
    connections_.emplace(id, connection);
  }
  connection->start();
}

void BeastServer::forget(uint64_t connection_id) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection_id);
  if (connections_.empty()) changed_.notify_all();
}

void BeastServer::handle(std::shared_ptr<Connection> connection, Request request, ReplyShape shape) {
  auto work = [this, connection = std::move(connection), request = std::move(request), shape]() mutable {
    BeastResponse response = run_handler(request, shape);
    request = Request();  // free the request here rather than on an I/O thread
    net::post(connection->strand(), [connection, response = std::move(response)]() mutable {
      connection->write(std::move(response));
    });
  };
  net::post(*workers_, std::move(work));
}

BeastResponse BeastServer::run_handler(const Request& request, const ReplyShape& shape) {
  try {
    return to_beast(handler_(request), shape);
  } catch (const std::exception& e) {
    log_line("handler failed on " + request.method + " " + request.path + ": " + e.what());
  } catch (...) {
    log_line("handler failed on " + request.method + " " + request.path + ": unknown exception");
  }
  return internal_error_response(shape);
}

void BeastServer::request_stop() {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex_);
    if (stop_requested_) return;
    stop_requested_ = true;
    stopping_.store(true);
    open.reserve(connections_.size());
    for (auto& [id, weak] : connections_) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  changed_.notify_all();
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);
    accept_retry_.cancel();
    if (signals_) signals_->cancel(ignored);
    std::lock_guard lock(mutex_);
    acceptor_closed_ = true;
    changed_.notify_all();
  });
  for (auto& connection : open) connection->on_server_stop();
}

void BeastServer::wait() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stop_requested_; });
  }
  stop();  // a signal only requested the stop; finish it here, off the I/O threads
}

void BeastServer::stop() {
  std::lock_guard stop_lock(stop_mutex_);
  request_stop();
  if (!started_ || joined_) return;
  {
    // Requests already with the handler are answered; everything else was closed by request_stop().
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return connections_.empty() && acceptor_closed_; });
  }
  work_.reset();
  ioc_.stop();
  for (std::thread& thread : io_threads_) thread.join();
  workers_->join();
  joined_ = true;
}

}  // namespace

std::unique_ptr<HttpServer> make_http_server(ServerOptions options, Handler handler, bool handle_signals) {
  return std::make_unique<BeastServer>(std::move(options), std::move(handler), handle_signals);
}

}  // namespace safeguard::web
