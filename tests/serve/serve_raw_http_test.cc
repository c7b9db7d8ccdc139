// Bytes no well-behaved client sends, straight onto the socket: each gets a
// 4xx (or a closed connection), never a crash, a hang or a 5xx.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "serve_fixture.h"

namespace newsfuse {
namespace {

using testing::ServerProcess;
using testing::TempStore;

// Sends `bytes` on a new connection and returns the status code of the
// answer, 0 when the server closed without one (or `hang_up`: the client
// leaves without waiting for one), -1 when it could not connect.
int RawStatus(int port, const std::string& bytes, bool hang_up = false) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse before reading everything
    sent += static_cast<size_t>(n);
  }
  std::string answer;
  if (hang_up) {
    close(fd);
    return 0;
  }
  char buf[1024];
  while (answer.find("\r\n") == std::string::npos) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    answer.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.c_str() + 9);
}

// The accept queue length of the TCP socket listening on 127.0.0.1:`port`
// (what `ss -ltn` shows as Send-Q), from the kernel's socket diagnostics;
// -1 when there is no such socket or the kernel would not say.
int ListenBacklog(int port) {
  const int fd = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
  if (fd < 0) return -1;
  struct {
    nlmsghdr header;
    inet_diag_req_v2 request;
  } ask{};
  ask.header.nlmsg_len = sizeof ask;
  ask.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  ask.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  ask.request.sdiag_family = AF_INET;
  ask.request.sdiag_protocol = IPPROTO_TCP;
  ask.request.idiag_states = 1u << TCP_LISTEN;
  int backlog = -1;
  if (send(fd, &ask, sizeof ask, 0) == static_cast<ssize_t>(sizeof ask)) {
    alignas(nlmsghdr) char buf[16384];
    bool done = false;
    while (!done) {
      const ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      int left = static_cast<int>(n);
      for (auto* h = reinterpret_cast<nlmsghdr*>(buf); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
        if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
          done = true;
          break;
        }
        const auto* sock = static_cast<const inet_diag_msg*>(NLMSG_DATA(h));
        // For a listening socket the kernel reports its queue's limit here.
        if (ntohs(sock->id.idiag_sport) == port) backlog = static_cast<int>(sock->idiag_wqueue);
      }
    }
  }
  close(fd);
  return backlog;
}

// wrk opens its 64 connections at once; with the library's queue of 5 the
// kernel dropped the handshakes past it and each such client's first
// request waited a second or more.
TEST(ServeRawHttpTest, ListensWithAnAcceptQueueForManyClientsAtOnce) {
  TempStore store;
  ASSERT_EQ(store.Ingest("news.jsonl", testing::SyntheticNews(1, 2, 11)), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  const int backlog = ListenBacklog(server.port());
  if (backlog < 0) GTEST_SKIP() << "the kernel gave no socket diagnostics (NETLINK_SOCK_DIAG)";
  EXPECT_GE(backlog, 128);
}

TEST(ServeRawHttpTest, MalformedRequestsNeverStopTheServer) {
  TempStore store;
  ASSERT_EQ(store.Ingest("news.jsonl", testing::SyntheticNews(1, 2, 11)), "");
  ServerProcess server;
  ASSERT_TRUE(server.Start(store.db(), store.Path("serve.log"))) << server.error();
  const std::string long_target(9000, 'a');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"garbage line", "GARBAGE\r\n\r\n"},
      {"binary", std::string("\x00\x01\x02\xff\xfe\r\n\r\n", 9)},
      {"unknown method", "BREW /api/stories HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"no version", "GET /api/stories\r\n\r\n"},
      {"HTTP/9", "GET /api/stories HTTP/9.0\r\nHost: x\r\n\r\n"},
      {"target over 8 KiB", "GET /" + long_target + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"header over 8 KiB", "GET /healthz HTTP/1.1\r\nX-Long: " + long_target + "\r\n\r\n"},
      {"negative length", "POST /api/stories HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"},
      {"huge length",
       "POST /api/stories HTTP/1.1\r\nHost: x\r\nContent-Length: "
       "99999999999999999999\r\n\r\n"},
      {"bad chunk",
       "POST /api/stories HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
       "zz\r\nhello\r\n0\r\n\r\n"},
      {"article, bad chunk",
       "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
       "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
      {"article, length over the limit",
       "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
       "Content-Length: 3000000\r\n\r\n{"},
      {"bad percent escape", "GET /api/stories/%zz%0 HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"invalid UTF-8 query", "GET /api/search?q=%ff%fe%80 HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"invalid UTF-8 id", "GET /api/articles/%ff HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"NUL in query", "GET /api/stories?limit=1%002 HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"absolute target", "GET http://elsewhere.example/api/stories HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"range past the end", "GET /healthz HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-\r\n\r\n"},
  };
  for (const auto& [name, bytes] : cases) {
    const int status = RawStatus(server.port(), bytes);
    EXPECT_NE(status, -1) << name << ": could not connect";
    EXPECT_LT(status, 500) << name;
    // Each of these is answered (not just dropped), with a 4xx; asking for
    // a range past the end of a page is 416 too.
    EXPECT_GE(status, 400) << name;
    ASSERT_TRUE(server.Alive()) << name << " stopped the server";
  }
  // A client that hangs up mid-request, or right after connecting.
  EXPECT_EQ(RawStatus(server.port(), "", true), 0);
  EXPECT_EQ(RawStatus(server.port(), "GET /healthz HTTP/1.1\r\nHo", true), 0);
  EXPECT_EQ(
      RawStatus(server.port(), "POST /api/stories HTTP/1.1\r\nContent-Length: 50\r\n\r\n{", true),
      0);
  EXPECT_EQ(RawStatus(server.port(),
                      "POST /api/articles HTTP/1.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: 500\r\n\r\n{\"text\": \"half an arti",
                      true),
            0);
  EXPECT_TRUE(server.Alive());
  EXPECT_EQ(
      RawStatus(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      200);
}

}  // namespace
}  // namespace newsfuse
