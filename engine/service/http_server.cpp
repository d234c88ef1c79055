// The only translation unit that includes Beast: sockets, parsers, timers, pools, shutdown.
#include "engine/service/http_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "engine/service/service.hpp"
#include "engine/service/upload.hpp"

namespace clearhouse::service {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(ServerOptions o, Service& s)
      : options(std::move(o)),
        service(s),
        strand(asio::make_strand(ioc)),
        acceptor(strand),
        signals(strand),
        shutdown_timer(strand),
        work(asio::make_work_guard(ioc)),
        query_pool(std::max(1u, options.query_workers)),
        heavy_pool(std::max(1u, options.heavy_workers)) {}

  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void begin_shutdown();
  void wait_signal();
  void force_shutdown(const char* why);
  void session_closed(std::uint64_t id);
  void maybe_finished();

  ServerOptions options;
  Service& service;
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> strand;  // acceptor, signals, shutdown
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer shutdown_timer;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  asio::thread_pool query_pool;
  asio::thread_pool heavy_pool;

  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::map<std::uint64_t, std::weak_ptr<Session>> sessions;
  std::uint64_t next_session = 0;
  bool forced = false;
  std::int64_t abandoned = 0;
};

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<HttpServer::Impl> server, std::uint64_t id)
      : stream_(std::move(socket)), server_(std::move(server)), id_(id) {
    ++server_->service.context().metrics().connections();
  }
  ~Session() {
    discard_spool();
    --server_->service.context().metrics().connections();
    server_->session_closed(id_);
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Shutdown: an idle connection closes now; a request being read, run or written finishes
  // and its response says Connection: close.
  void drain() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->draining_ = true;
      if (self->state_ == State::reading_header) self->stream_.cancel();
    });
  }

 private:
  enum class State { reading_header, reading_body, handling, writing, closing };

  const ServerOptions& options() const { return server_->options; }
  Service& service() { return server_->service; }

  void read_header() {
    if (draining_ || server_->stopping) return close();
    state_ = State::reading_header;
    header_parser_.emplace();
    header_parser_->header_limit(options().header_limit);
    header_parser_->body_limit(boost::none);  // each route's own limit applies after admission
    string_parser_.reset();
    file_parser_.reset();
    body_unread_ = false;
    stream_.expires_after(options().read_timeout);
    http::async_read_header(stream_, buffer_, *header_parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) {
      const bool partial = header_parser_->got_some();
      if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted) return close();
      if (ec == beast::error::timeout) {
        // Idle keep-alive connections time out quietly; a header still arriving is slow-loris.
        if (partial) service().refused("header_timeout");
        return close();
      }
      if (ec == http::error::header_limit) {
        service().refused("header_too_large");
        return refuse(431, "header_too_large", "the request header is over the limit", "malformed");
      }
      if (ec.category() == http::make_error_code(http::error::bad_target).category() || ec == http::error::partial_message) {
        if (!partial) return close();
        service().refused("malformed");
        return refuse(400, "malformed_request", "the request is not valid HTTP/1.1", "malformed");
      }
      return close();  // reset by peer and the like
    }

    auto& head_msg = header_parser_->get();
    keep_alive_ = head_msg.keep_alive();
    RequestHead head;
    head.method = std::string(head_msg.method_string());
    head.target = std::string(head_msg.target());
    for (const auto& field : head_msg) {
      std::string name(field.name_string());
      for (auto& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      head.headers.push_back({std::move(name), std::string(field.value())});
    }
    if (const auto length = header_parser_->content_length()) head.content_length = *length;
    head.chunked = header_parser_->chunked();
    admission_.emplace(service().admit(std::move(head)));
    if (admission_->refusal) {
      body_unread_ = !header_parser_->is_done();
      return send(*admission_->refusal);
    }
    if (header_parser_->is_done()) return handle();  // no body

    const auto* expect = admission_->request.header("expect");
    const bool wants_continue = expect != nullptr && iequals(*expect, "100-continue");
    const std::uint64_t expected = head_msg.has_content_length() ? header_parser_->content_length().value_or(0)
                                                                 : admission_->body_limit;
    body_deadline_ = Clock::now() + options().read_timeout +
                     std::chrono::milliseconds(expected * 1000 / std::max<std::uint64_t>(1, options().min_body_rate));
    state_ = State::reading_body;
    if (admission_->body == BodyKind::upload) {
      file_parser_.emplace(std::move(*header_parser_));
      file_parser_->body_limit(admission_->body_limit);
      spool_ = spool_path(service().context().settings().spool_dir, "upload");
      beast::error_code fec;
      file_parser_->get().body().open(spool_.c_str(), beast::file_mode::write, fec);
      if (fec) {
        spdlog::error("cannot create a spool file in {}: {}", spool_.parent_path().string(), fec.message());
        spool_.clear();
        body_unread_ = true;
        return send(error_response(503, "spool_unavailable", "the service cannot store uploads right now"));
      }
    } else {
      string_parser_.emplace(std::move(*header_parser_));
      string_parser_->body_limit(admission_->body_limit);
    }
    header_parser_.reset();
    if (wants_continue) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(options().write_timeout);
      return http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code wec, std::size_t) {
        if (wec) return self->close();
        self->read_body();
      });
    }
    read_body();
  }

  void read_body() {
    stream_.expires_at(std::min(Clock::now() + options().read_timeout, body_deadline_));
    auto handler = beast::bind_front_handler(&Session::on_body, shared_from_this());
    if (file_parser_) http::async_read_some(stream_, buffer_, *file_parser_, std::move(handler));
    else http::async_read_some(stream_, buffer_, *string_parser_, std::move(handler));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) {
      service().refused("body_too_large");
      body_unread_ = true;
      discard_spool();
      return send(error_response(413, "body_too_large",
                                 fmt::format("the body is over the limit of {} bytes", admission_->body_limit)));
    }
    if (ec == beast::error::timeout) {
      service().refused("body_timeout");
      discard_spool();
      return close();
    }
    if (ec) {
      if (ec != http::error::end_of_stream && ec != asio::error::operation_aborted &&
          ec != asio::error::connection_reset && ec != asio::error::eof) {
        service().refused("malformed");
        body_unread_ = true;
        discard_spool();
        return send(error_response(400, "malformed_body", "the request body is not valid HTTP/1.1 framing"));
      }
      discard_spool();
      return close();
    }
    const bool done = file_parser_ ? file_parser_->is_done() : string_parser_->is_done();
    if (!done) return read_body();
    if (file_parser_) {
      file_parser_->get().body().close();
      admission_->request.body_file = spool_;
    } else {
      admission_->request.body = std::move(string_parser_->get().body());
    }
    handle();
  }

  // Runs the route: on this thread for the page and health, else on a worker pool, then back
  // to this session's strand to write.
  void handle() {
    state_ = State::handling;
    if (admission_->pool == Pool::io) return send(service().run(*admission_));
    auto self = shared_from_this();
    auto job = [self] {
      Response r = self->service().run(*self->admission_);
      asio::post(self->stream_.get_executor(), [self, r = std::move(r)]() mutable { self->send(std::move(r)); });
    };
    if (admission_->pool == Pool::heavy) asio::post(server_->heavy_pool, std::move(job));
    else asio::post(server_->query_pool, std::move(job));
  }

  void refuse(int status, std::string_view code, std::string_view message, std::string_view label) {
    admission_.emplace();
    admission_->route_label = std::string(label);
    body_unread_ = true;
    send(error_response(status, code, message));
  }

  void send(Response r) {
    state_ = State::writing;
    // The request's spooled body has served its route: remove it before the client can see the
    // answer, so that nothing of the upload is left once the response arrives.
    discard_spool();
    const bool close_after = r.close || !keep_alive_ || body_unread_ || draining_ || server_->stopping;
    status_ = r.status;
    bytes_out_ = r.body_size();
    auto on_written = beast::bind_front_handler(&Session::on_write, shared_from_this(), close_after);
    stream_.expires_after(options().write_timeout);
    if (!r.file.empty()) {
      http::response<http::file_body> res{static_cast<http::status>(r.status), 11};
      beast::error_code ec;
      res.body().open(r.file.c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        fill_headers(res, r, close_after);
        res.prepare_payload();
        return beast::async_write(stream_, http::message_generator(std::move(res)), std::move(on_written));
      }
      r = error_response(404, "not_found", "the file is no longer available");
      status_ = r.status;
      bytes_out_ = r.body.size();
    }
    http::response<http::string_body> res{static_cast<http::status>(r.status), 11};
    fill_headers(res, r, close_after);
    res.body() = std::move(r.body);
    res.prepare_payload();
    beast::async_write(stream_, http::message_generator(std::move(res)), std::move(on_written));
  }

  template <class Message>
  static void fill_headers(Message& res, const Response& r, bool close_after) {
    res.set(http::field::server, "clearhouse");
    if (!r.content_type.empty()) res.set(http::field::content_type, r.content_type);
    for (const auto& h : r.headers) res.set(h.name, h.value);
    res.keep_alive(!close_after);
  }

  void on_write(bool close_after, beast::error_code ec, std::size_t) {
    if (admission_) {
      service().finish(*admission_, status_, ec ? 0 : bytes_out_);
      admission_.reset();  // frees the in-flight slot
    }
    discard_spool();
    if (ec) {
      if (ec == beast::error::timeout) service().refused("write_timeout");
      return close();
    }
    if (close_after) return body_unread_ ? linger_close() : close();
    read_header();
  }

  // After refusing a request whose body was not read: stop sending, then read and drop what
  // the client still sends for a moment, so it sees our response instead of a reset.
  void linger_close() {
    state_ = State::closing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    linger_deadline_ = Clock::now() + std::chrono::seconds(2);
    linger_read();
  }

  void linger_read() {
    stream_.expires_at(linger_deadline_);
    stream_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->lingered_ += n;
      if (ec || self->lingered_ > (4u << 20)) return self->close();
      self->linger_read();
    });
  }

  void close() {
    state_ = State::closing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  void discard_spool() {
    if (file_parser_ && file_parser_->get().body().is_open()) file_parser_->get().body().close();
    if (spool_.empty()) return;
    std::error_code ec;
    std::filesystem::remove(spool_, ec);
    spool_.clear();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<HttpServer::Impl> server_;
  std::uint64_t id_;
  State state_ = State::reading_header;
  bool draining_ = false;
  bool keep_alive_ = true;
  bool body_unread_ = false;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> string_parser_;
  std::optional<http::request_parser<http::file_body>> file_parser_;
  std::optional<Admission> admission_;
  std::filesystem::path spool_;
  Clock::time_point body_deadline_, linger_deadline_;
  int status_ = 0;
  std::uint64_t bytes_out_ = 0;
  std::size_t lingered_ = 0;
  std::array<char, 16384> discard_{};
};

void HttpServer::Impl::do_accept() {
  acceptor.async_accept(asio::make_strand(ioc), beast::bind_front_handler(&Impl::on_accept, shared_from_this()));
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping) return;
  if (ec) {
    if (ec == asio::error::operation_aborted) return;
    // Out of descriptors and the like: say so and keep accepting after a breath.
    spdlog::warn("accept failed: {}", ec.message());
    auto t = std::make_shared<asio::steady_timer>(strand, std::chrono::milliseconds(50));
    t->async_wait([self = shared_from_this(), t](beast::error_code) { self->do_accept(); });
    return;
  }
  std::shared_ptr<Session> session;
  {
    std::lock_guard lock(sessions_mutex);
    if (static_cast<std::int64_t>(sessions.size()) >= options.max_connections) {
      service.refused("connections");
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      const auto id = ++next_session;
      session = std::make_shared<Session>(std::move(socket), shared_from_this(), id);
      sessions.emplace(id, session);
    }
  }
  if (session) session->start();
  do_accept();
}

void HttpServer::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [id, weak] : sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  spdlog::info("shutting down: {} connection(s) open, {} request(s) in flight", live.size(),
               service.context().metrics().in_flight().load());
  for (auto& s : live) s->drain();
  live.clear();
  shutdown_timer.expires_after(options.shutdown_timeout);
  shutdown_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec == asio::error::operation_aborted) return;
    self->force_shutdown("shutdown timeout passed");
  });
  maybe_finished();
}

// First signal: drain gracefully. A second one: stop at once.
void HttpServer::Impl::wait_signal() {
  signals.async_wait([self = shared_from_this()](beast::error_code ec, int signo) {
    if (ec) return;
    if (self->stopping) return self->force_shutdown("second signal");
    spdlog::info("signal {}: finishing requests in flight (send it again to stop at once)", signo);
    self->wait_signal();  // armed before begin_shutdown, which cancels it once all is done
    self->begin_shutdown();
  });
}

void HttpServer::Impl::force_shutdown(const char* why) {
  {
    std::lock_guard lock(sessions_mutex);
    abandoned = static_cast<std::int64_t>(sessions.size());
  }
  forced = true;
  spdlog::warn("{}: stopping with {} connection(s) still open", why, abandoned);
  ioc.stop();
}

void HttpServer::Impl::session_closed(std::uint64_t id) {
  {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(id);
  }
  if (stopping) asio::post(strand, [self = shared_from_this()] { self->maybe_finished(); });
}

void HttpServer::Impl::maybe_finished() {
  if (!stopping) return;
  {
    std::lock_guard lock(sessions_mutex);
    if (!sessions.empty()) return;
  }
  // Everything answered: let run() return.
  shutdown_timer.cancel();
  beast::error_code ec;
  signals.cancel(ec);
  work.reset();
}

HttpServer::HttpServer(ServerOptions options, Service& service)
    : impl_(std::make_shared<Impl>(std::move(options), service)) {}

HttpServer::~HttpServer() {
  if (!impl_->forced) {
    impl_->query_pool.join();
    impl_->heavy_pool.join();
  }
}

std::string HttpServer::listen() {
  auto& o = impl_->options;
  beast::error_code ec;
  const std::string host = o.host == "localhost" ? "127.0.0.1" : o.host;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot listen on '{}': not an IP address", o.host));
  const tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", o.host, o.port, ec.message()));
  const auto bound = acceptor.local_endpoint(ec);
  if (bound.address().is_v6()) return fmt::format("[{}]:{}", bound.address().to_string(), bound.port());
  return fmt::format("{}:{}", bound.address().to_string(), bound.port());
}

ShutdownReport HttpServer::run(bool handle_signals) {
  auto impl = impl_;
  if (handle_signals) {
    impl->signals.add(SIGINT);
    impl->signals.add(SIGTERM);
    asio::dispatch(impl->strand, [impl] { impl->wait_signal(); });
  }
  asio::dispatch(impl->strand, [impl] { impl->do_accept(); });
  auto run_loop = [impl] {
    for (;;) {
      try {
        impl->ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("I/O thread: {}", e.what());  // a handler threw: log and keep serving
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < std::max(1u, impl->options.io_threads); ++i) threads.emplace_back(run_loop);
  run_loop();
  for (auto& t : threads) t.join();
  ShutdownReport report;
  report.forced = impl->forced;
  report.abandoned = impl->abandoned;
  if (!report.forced) {
    impl->query_pool.join();
    impl->heavy_pool.join();
  }
  return report;
}

void HttpServer::stop() {
  auto impl = impl_;
  asio::post(impl->strand, [impl] { impl->begin_shutdown(); });
}

}  // namespace clearhouse::service
