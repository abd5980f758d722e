// Tests of the HTTP server (web/http_server.cc) and the request/response values (web/http.cc), through
// the interface in web/http.h only. Every server binds to port 0. Clients are cpp-httplib's, or raw
// sockets where a test needs bytes no well-behaved client sends. Nothing here depends on the wall clock
// except the slow-client test, which waits for a one-second read timeout.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "web/http.h"

namespace safeguard::web {
namespace {

// A client that speaks raw bytes, for requests a real client would never send. Every read gives up
// after 10 s so that a broken server fails a test instead of hanging it.
class RawClient {
 public:
  explicit RawClient(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }

  void send(std::string_view data) {
    while (!data.empty()) {
      ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return;
      data.remove_prefix(static_cast<size_t>(sent));
    }
  }

  // One response: the header block and, if `has_body`, Content-Length bytes of body. Empty if the
  // connection ended first.
  std::string read_response(bool has_body = true) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return {};
    }
    size_t length = end + 4;
    if (has_body) {
      std::string lower = buffer_.substr(0, end);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t field = lower.find("\r\ncontent-length:");
      if (field != std::string::npos) length += std::stoul(lower.substr(field + 17));
    }
    while (buffer_.size() < length) {
      if (!fill()) return {};
    }
    std::string response = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }

  // True if the server closed the connection (FIN or RST); false if it was still open after 10 s.
  // `unread` receives whatever arrived before the close.
  bool wait_for_close(std::string* unread = nullptr) {
    for (;;) {
      char chunk[4096];
      ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
      if (received > 0) {
        buffer_.append(chunk, static_cast<size_t>(received));
        continue;
      }
      if (unread != nullptr) *unread = buffer_;
      return received == 0 || errno == ECONNRESET;
    }
  }

 private:
  bool fill() {
    char chunk[4096];
    ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
    if (received <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(received));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

int status_of(const std::string& response) {
  // "HTTP/1.1 200 OK"
  if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
  size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : response.substr(end + 4);
}

// Records every request the handler sees.
struct Recorder {
  std::mutex mutex;
  std::vector<Request> requests;
  std::atomic<int> calls{0};

  void record(const Request& request) {
    calls.fetch_add(1);
    std::lock_guard lock(mutex);
    requests.push_back(request);
  }
  Request last() {
    std::lock_guard lock(mutex);
    return requests.empty() ? Request() : requests.back();
  }
};

// Echoes the decoded path as the body (or the request body for POST).
Handler echo_handler(Recorder& recorder) {
  return [&recorder](const Request& request) {
    recorder.record(request);
    if (request.path == "/boom") throw std::runtime_error("deliberate failure in a test handler");
    return Response::text(200, request.method == "POST" ? request.body : request.path);
  };
}

ServerOptions test_options() {
  ServerOptions options;
  options.port = 0;
  return options;
}

std::unique_ptr<HttpServer> start_server(Handler handler, ServerOptions options = test_options()) {
  std::unique_ptr<HttpServer> server = make_http_server(std::move(options), std::move(handler));
  Status status = server->start();
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
  EXPECT_NE(server->port(), 0);
  return server;
}

httplib::Client client_for(const HttpServer& server) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_url_encode(false);  // the tests send targets exactly as written
  return client;
}

// ---- Request and Response values ----

TEST(HttpValuesTest, HeaderLookupIgnoresCaseAndFindsTheFirst) {
  Request request;
  request.headers = {{"Content-Type", "text/html"}, {"X-Thing", "one"}, {"x-thing", "two"}};
  EXPECT_EQ(request.header("content-type"), "text/html");
  EXPECT_EQ(request.header("X-THING"), "one");
  EXPECT_FALSE(request.header("Accept").has_value());
}

TEST(HttpValuesTest, SetHeaderReplacesEveryHeaderOfThatName) {
  Response response;
  response.headers = {{"Cache-Control", "a"}, {"Set-Cookie", "x=1"}, {"cache-control", "b"}};
  response.set_header("CACHE-CONTROL", "no-store");
  response.set_header("Location", "/next");
  ASSERT_EQ(response.headers.size(), 3u);
  EXPECT_EQ(response.headers[0].value, "no-store");
  EXPECT_EQ(response.headers[1].name, "Set-Cookie");
  EXPECT_EQ(response.headers[2].name, "Location");
}

TEST(HttpValuesTest, TextAndRedirectBuildTheExpectedResponses) {
  Response text = Response::text(404, "No such child record");
  EXPECT_EQ(text.status, 404);
  EXPECT_EQ(text.body, "No such child record");
  ASSERT_EQ(text.headers.size(), 1u);
  EXPECT_EQ(text.headers[0].name, "Content-Type");
  EXPECT_EQ(text.headers[0].value, "text/plain; charset=utf-8");

  Response redirect = Response::redirect("/children/42");
  EXPECT_EQ(redirect.status, 303);
  ASSERT_EQ(redirect.headers.size(), 1u);
  EXPECT_EQ(redirect.headers[0].name, "Location");
  EXPECT_EQ(redirect.headers[0].value, "/children/42");
  EXPECT_EQ(Response::redirect("/", 302).status, 302);
}

// ---- Requests reaching the handler ----

TEST(HttpServerTest, GetPassesDecodedPathRawQueryHeadersAndPeer) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  httplib::Client client = client_for(*server);

  auto result = client.Get("/people/J%C3%B6rg%20Smith?name=a%20b&x=1", {{"X-MiXeD-Case", "Some Value"}});
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "/people/J\xC3\xB6rg Smith");
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; charset=utf-8");

  Request seen = recorder.last();
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.target, "/people/J%C3%B6rg%20Smith?name=a%20b&x=1");
  EXPECT_EQ(seen.path, "/people/J\xC3\xB6rg Smith");
  EXPECT_EQ(seen.query, "name=a%20b&x=1");
  EXPECT_EQ(seen.remote_address, "127.0.0.1");
  EXPECT_EQ(seen.header("x-mixed-case"), "Some Value");
  bool name_as_sent = false;
  for (const Header& header : seen.headers) name_as_sent |= header.name == "X-MiXeD-Case";
  EXPECT_TRUE(name_as_sent);
}

TEST(HttpServerTest, TargetWithoutQueryHasEmptyQuery) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  auto result = client_for(*server).Get("/a%2Fb");
  ASSERT_TRUE(result);
  EXPECT_EQ(recorder.last().path, "/a/b");
  EXPECT_EQ(recorder.last().query, "");
}

TEST(HttpServerTest, BadPathsAre400AndNeverReachTheHandler) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  for (std::string target : {"/a%00b", "/a%zz", "/a%4", "*", "http://example.org/"}) {
    RawClient raw(server->port());
    raw.send("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
    std::string response = raw.read_response();
    EXPECT_EQ(status_of(response), 400) << target << ": " << response;
    EXPECT_TRUE(raw.wait_for_close()) << target;
  }
  EXPECT_EQ(recorder.calls.load(), 0);
}

TEST(HttpServerTest, PostBodyIsEchoed) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  std::string body;
  for (int i = 0; i < 100000; ++i) body.push_back(static_cast<char>(i % 251));
  auto result = client_for(*server).Post("/echo", body, "application/octet-stream");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, body);
  EXPECT_EQ(result->get_header_value("Content-Length"), std::to_string(body.size()));
}

TEST(HttpServerTest, ExpectContinueGetsInterimResponseBeforeTheBody) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  std::string interim = raw.read_response(/*has_body=*/false);
  EXPECT_EQ(status_of(interim), 100) << interim;
  raw.send("hello");
  std::string response = raw.read_response();
  EXPECT_EQ(status_of(response), 200);
  EXPECT_EQ(body_of(response), "hello");
}

// ---- Connections ----

TEST(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  for (int i = 0; i < 3; ++i) {
    raw.send("GET /visit/" + std::to_string(i) + " HTTP/1.1\r\nHost: a\r\n\r\n");
    std::string response = raw.read_response();
    EXPECT_EQ(status_of(response), 200);
    EXPECT_EQ(body_of(response), "/visit/" + std::to_string(i));
  }
  raw.send("GET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  std::string last = raw.read_response();
  EXPECT_EQ(body_of(last), "/last");
  EXPECT_NE(last.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(raw.wait_for_close());

  httplib::Client client = client_for(*server);
  client.set_keep_alive(true);
  for (int i = 0; i < 5; ++i) {
    auto result = client.Get("/again");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->body, "/again");
  }
  EXPECT_EQ(recorder.calls.load(), 9);
}

TEST(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\nGET /second HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(body_of(raw.read_response()), "/first");
  EXPECT_EQ(body_of(raw.read_response()), "/second");
}

TEST(HttpServerTest, Http10ClosesUnlessAskedToKeepAlive) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  {
    RawClient raw(server->port());
    raw.send("GET /old HTTP/1.0\r\n\r\n");
    std::string response = raw.read_response();
    EXPECT_EQ(response.compare(0, 12, "HTTP/1.0 200"), 0) << response;
    EXPECT_TRUE(raw.wait_for_close());
  }
  RawClient raw(server->port());
  raw.send("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  std::string response = raw.read_response();
  EXPECT_NE(response.find("Connection: keep-alive"), std::string::npos) << response;
  raw.send("GET /two HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(body_of(raw.read_response()), "/two");
}

TEST(HttpServerTest, ConcurrentRequestsFromSeveralThreadsAreAllAnswered) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  constexpr int kThreads = 8;
  constexpr int kRequests = 50;
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = client_for(*server);
      client.set_keep_alive(t % 2 == 0);  // half reuse one connection, half open one per request
      for (int i = 0; i < kRequests; ++i) {
        std::string path = "/thread/" + std::to_string(t) + "/" + std::to_string(i);
        auto result = client.Get(path);
        if (result && result->status == 200 && result->body == path) answered.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(answered.load(), kThreads * kRequests);
  EXPECT_EQ(recorder.calls.load(), kThreads * kRequests);
}

TEST(HttpServerTest, BlockedHandlerDoesNotBlockOtherConnections) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> entered;
  ServerOptions options = test_options();
  options.io_threads = 1;
  options.worker_threads = 2;
  auto server = start_server(
      [&](const Request& request) {
        if (request.path == "/slow") {
          entered.set_value();
          released.wait();
        }
        return Response::text(200, request.path);
      },
      options);

  std::thread slow([&] {
    auto result = client_for(*server).Get("/slow");
    EXPECT_TRUE(result && result->body == "/slow");
  });
  entered.get_future().wait();
  // The only I/O thread is free while a worker sits in the handler.
  auto result = client_for(*server).Get("/fast");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->body, "/fast");
  release.set_value();
  slow.join();
}

// ---- Untrusted input ----

TEST(HttpServerTest, OversizedHeaderIs431AndHandlerIsNotCalled) {
  Recorder recorder;
  ServerOptions options = test_options();
  options.max_header_bytes = 1024;
  auto server = start_server(echo_handler(recorder), options);
  auto result = client_for(*server).Get("/", {{"X-Padding", std::string(4000, 'p')}});
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 431);
  EXPECT_EQ(recorder.calls.load(), 0);

  // A header just inside the limit is fine.
  auto small = client_for(*server).Get("/", {{"X-Padding", std::string(500, 'p')}});
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST(HttpServerTest, OversizedBodyIs413AndHandlerIsNotCalled) {
  Recorder recorder;
  ServerOptions options = test_options();
  options.max_body_bytes = 1024;
  auto server = start_server(echo_handler(recorder), options);

  auto result = client_for(*server).Post("/echo", std::string(4096, 'b'), "text/plain");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 413);

  // Chunked bodies have no length up front; the limit applies as they arrive.
  RawClient raw(server->port());
  raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" +
           std::string(2048, 'c') + "\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(raw.read_response()), 413);
  EXPECT_TRUE(raw.wait_for_close());
  EXPECT_EQ(recorder.calls.load(), 0);
}

TEST(HttpServerTest, ClientStillSendingAHugeBodyReceivesThe413) {
  // The server answers as soon as it sees Content-Length, while the client is still sending: the 413
  // must survive the close (no RST before the client reads it).
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));  // default limit, 2 MiB
  auto result = client_for(*server).Post("/echo", std::string(3 * 1024 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(recorder.calls.load(), 0);
}

TEST(HttpServerTest, MalformedRequestsAre400AndClose) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  for (std::string request :
       {"GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: banana\r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n"}) {
    RawClient raw(server->port());
    raw.send(request);
    std::string response = raw.read_response();
    EXPECT_EQ(status_of(response), 400) << request;
    EXPECT_NE(response.find("Connection: close"), std::string::npos);
    EXPECT_TRUE(raw.wait_for_close());
  }
  EXPECT_EQ(recorder.calls.load(), 0);
}

TEST(HttpServerTest, HttpVersionsOtherThan10And11Are400) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("GET / HTTP/2.0\r\nHost: a\r\n\r\n");
  EXPECT_EQ(status_of(raw.read_response()), 400);
  EXPECT_EQ(recorder.calls.load(), 0);
}

TEST(HttpServerTest, SlowClientIsDisconnectedAfterTheReadTimeout) {
  Recorder recorder;
  ServerOptions options = test_options();
  options.read_timeout_seconds = 1;
  auto server = start_server(echo_handler(recorder), options);
  RawClient raw(server->port());
  auto began = std::chrono::steady_clock::now();
  raw.send("GET /half HTTP/1.1\r\nHost: a\r\n");  // and never the blank line
  std::string unread;
  EXPECT_TRUE(raw.wait_for_close(&unread));  // within the client's 10 s safety limit
  EXPECT_GE(std::chrono::steady_clock::now() - began, std::chrono::milliseconds(900));
  EXPECT_EQ(unread, "");
  EXPECT_EQ(recorder.calls.load(), 0);
}

// ---- Handler results ----

TEST(HttpServerTest, HandlerExceptionIs500AndTheServerKeepsServing) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  httplib::Client client = client_for(*server);
  client.set_keep_alive(true);
  auto failed = client.Get("/boom");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 500);
  EXPECT_EQ(failed->body, "Internal server error");
  auto next = client.Get("/fine");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "/fine");
}

TEST(HttpServerTest, ResponseHeadersAreWrittenAsGivenAndUnsafeResponsesBecome500) {
  auto server = start_server([](const Request& request) {
    Response response = Response::text(200, "ok");
    if (request.path == "/split") response.set_header("Location", "/x\r\nSet-Cookie: evil=1");
    if (request.path == "/status") response.status = 42;
    response.set_header("X-Frame-Options", "DENY");
    response.headers.push_back({"Set-Cookie", "a=1"});
    response.headers.push_back({"Set-Cookie", "b=2"});
    response.headers.push_back({"Content-Length", "999"});  // framing is the server's
    return response;
  });
  RawClient raw(server->port());
  raw.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string response = raw.read_response();
  EXPECT_EQ(status_of(response), 200);
  EXPECT_NE(response.find("\r\nX-Frame-Options: DENY\r\n"), std::string::npos) << response;
  EXPECT_NE(response.find("\r\nSet-Cookie: a=1\r\n"), std::string::npos);
  EXPECT_NE(response.find("\r\nSet-Cookie: b=2\r\n"), std::string::npos);
  EXPECT_NE(response.find("\r\nContent-Length: 2\r\n"), std::string::npos);
  EXPECT_EQ(response.find("999"), std::string::npos);
  EXPECT_EQ(body_of(response), "ok");

  auto client = client_for(*server);
  auto split = client.Get("/split");
  ASSERT_TRUE(split);
  EXPECT_EQ(split->status, 500);
  EXPECT_FALSE(split->has_header("Set-Cookie") && split->get_header_value("Set-Cookie") == "evil=1");
  auto status = client.Get("/status");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->status, 500);
}

TEST(HttpServerTest, HandlerMayAskToCloseTheConnection) {
  auto server = start_server([](const Request&) {
    Response response = Response::text(200, "bye");
    response.set_header("Connection", "close");
    return response;
  });
  RawClient raw(server->port());
  raw.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(body_of(raw.read_response()), "bye");
  EXPECT_TRUE(raw.wait_for_close());
}

TEST(HttpServerTest, NoContentHasNoBodyAndNoLength) {
  auto server = start_server([](const Request&) { return Response::text(204, "ignored"); });
  RawClient raw(server->port());
  raw.send("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string first = raw.read_response(/*has_body=*/false);
  EXPECT_EQ(status_of(first), 204);
  EXPECT_EQ(first.find("Content-Length"), std::string::npos) << first;
  EXPECT_EQ(status_of(raw.read_response(/*has_body=*/false)), 204);  // framing intact
}

TEST(HttpServerTest, HeadSendsHeadersWithoutBody) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string head = raw.read_response(/*has_body=*/false);
  EXPECT_EQ(status_of(head), 200);
  EXPECT_NE(head.find("\r\nContent-Length: 6\r\n"), std::string::npos) << head;  // length of "/hello"
  // Had the HEAD response carried a body, this would read "/hello" as the next response.
  std::string after = raw.read_response();
  EXPECT_EQ(status_of(after), 200) << after;
  EXPECT_EQ(body_of(after), "/after");
  EXPECT_EQ(recorder.last().method, "GET");

  auto result = client_for(*server).Head("/hello");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "");
}

// ---- Lifecycle ----

TEST(HttpServerTest, StopIsIdempotentAndReleasesWait) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  std::thread waiter([&] { server->wait(); });
  server->stop();
  waiter.join();
  server->stop();
  server->wait();  // already stopped: returns at once
  EXPECT_FALSE(RawClient(server->port()).connected());
}

TEST(HttpServerTest, SigtermEndsWaitWhenSignalsAreHandled) {
  Recorder recorder;
  auto server = make_http_server(test_options(), echo_handler(recorder), /*handle_signals=*/true);
  ASSERT_TRUE(server->start().ok());
  std::raise(SIGTERM);  // caught by the server's signal set, not the default action
  server->wait();
  EXPECT_FALSE(RawClient(server->port()).connected());
}

TEST(HttpServerTest, StopClosesIdleKeepAliveConnections) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(status_of(raw.read_response()), 200);
  server->stop();  // must not wait for the 60 s keep-alive timeout
  EXPECT_TRUE(raw.wait_for_close());
}

TEST(HttpServerTest, StopFinishesRequestsInProgress) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> entered;
  auto server = start_server([&](const Request&) {
    entered.set_value();
    released.wait();
    return Response::text(200, "finished");
  });
  uint16_t port = server->port();
  RawClient raw(port);
  raw.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
  entered.get_future().wait();

  std::thread stopper([&] { server->stop(); });
  // Once new connections are refused, stop() has begun; the handler is still running.
  while (RawClient(port).connected()) std::this_thread::yield();
  release.set_value();
  std::string response = raw.read_response();
  EXPECT_EQ(status_of(response), 200);
  EXPECT_EQ(body_of(response), "finished");
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  stopper.join();
}

TEST(HttpServerTest, DestructorStopsARunningServer) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  RawClient raw(server->port());
  raw.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(status_of(raw.read_response()), 200);
  server.reset();
  EXPECT_TRUE(raw.wait_for_close());
}

TEST(HttpServerTest, StartFailsWhenThePortIsTaken) {
  Recorder recorder;
  auto first = start_server(echo_handler(recorder));
  ServerOptions options = test_options();
  options.port = first->port();
  auto second = make_http_server(options, echo_handler(recorder));
  Status status = second->start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_NE(status.error().message.find("could not listen on 127.0.0.1:" + std::to_string(first->port())),
            std::string::npos)
      << status.error().message;
  second->stop();  // harmless after a failed start
}

TEST(HttpServerTest, StartRejectsBadAddressesAndOptions) {
  Recorder recorder;
  ServerOptions options = test_options();
  options.bind_address = "not-an-address";
  Status status = make_http_server(options, echo_handler(recorder))->start();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("could not listen"), std::string::npos);
  EXPECT_EQ(status.error().field, "bind_address");

  options = test_options();
  options.worker_threads = 0;
  status = make_http_server(options, echo_handler(recorder))->start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "worker_threads");
}

TEST(HttpServerTest, StartTwiceFails) {
  Recorder recorder;
  auto server = start_server(echo_handler(recorder));
  EXPECT_FALSE(server->start().ok());
}

TEST(HttpServerTest, ServesIpv6Loopback) {
  Recorder recorder;
  ServerOptions options = test_options();
  options.bind_address = "::1";
  auto server = make_http_server(options, echo_handler(recorder));
  if (!server->start().ok()) GTEST_SKIP() << "no IPv6 loopback here";
  httplib::Client client("::1", server->port());
  auto result = client.Get("/v6");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->body, "/v6");
  EXPECT_EQ(recorder.last().remote_address, "::1");
}

}  // namespace
}  // namespace safeguard::web
