// The HTTP face of Safeguard: plain request and response values and a server that turns bytes on
// a socket into calls of one handler. Boost.Beast lives only in http_server.cc, so nothing else in
// the project compiles Beast; pages and the API see only these types.
//
// Every byte from outside is untrusted: the server caps header and body sizes, times out slow
// clients, and answers malformed requests with 400 without calling the handler. The handler runs
// on a bounded pool of worker threads (database work blocks), never on the I/O threads.
//
// Thread safety: the handler is called concurrently from several worker threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace safeguard::web {

struct Header {
  std::string name;  // as sent; look up with Request::header, which ignores case
  std::string value;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query as sent, e.g. "/people?name=smith"
  std::string path;    // the decoded path without the query, e.g. "/people"
  std::string query;   // the raw query string without '?', e.g. "name=smith"
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;  // the peer's IP address

  // The first header with this name (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<Header> headers;  // Content-Type and security headers are set by whoever builds it
  std::string body;

  void set_header(std::string name, std::string value);
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response redirect(std::string location, int status = 303);
};

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  uint16_t port = 8080;    // 0 picks a free port (tests); see HttpServer::port()
  int io_threads = 2;      // threads reading and writing sockets
  int worker_threads = 4;  // threads running the handler
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 2 * 1024 * 1024;
  int read_timeout_seconds = 30;  // whole request must arrive within this
  int keep_alive_timeout_seconds = 60;
};

class HttpServer {
 public:
  virtual ~HttpServer() = default;

  // Binds and starts serving in background threads. Fails (with a clear message) if the address
  // cannot be bound.
  virtual Status start() = 0;
  // The port actually bound (useful with port 0).
  virtual uint16_t port() const = 0;
  // Blocks until stop() is called from another thread or a SIGINT/SIGTERM arrives when
  // `handle_signals` was set at creation.
  virtual void wait() = 0;
  // Stops accepting, finishes requests in progress, joins threads. Safe to call twice. Never call
  // it from inside the handler: it waits for the handler's own request to finish.
  virtual void stop() = 0;
};

std::unique_ptr<HttpServer> make_http_server(ServerOptions options, Handler handler,
                                             bool handle_signals = false);

}  // namespace safeguard::web
