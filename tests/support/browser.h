// A browser without a screen, for tests of the web pages: sends requests straight to a Site, keeps
// the cookies it is given (as a browser would), follows no redirects, and reads the hidden fields
// of a page so a test can send a form back as a browser would.
#pragma once

#include <map>
#include <string>

#include "web/forms.h"
#include "web/http.h"
#include "web/site.h"

namespace safeguard::web {

// The password the page tests give their users.
inline constexpr const char* kBrowserTestPassword = "a long enough password";

class Browser {
 public:
  explicit Browser(Site& site) : site_(site) {}

  Response get(const std::string& target) { return send("GET", target, ""); }
  Response post(const std::string& target, const FormData& form) {
    return send("POST", target, form.encode());
  }

  Response send(const std::string& method, const std::string& address, const std::string& body,
                const std::string& content_type = "application/x-www-form-urlencoded") {
    // A browser keeps the fragment ("#child-4") to itself.
    const std::string target = address.substr(0, address.find('#'));
    Request r;
    r.method = method;
    r.target = target;
    const size_t q = target.find('?');
    r.path = url_decode(target.substr(0, q), false);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.body = body;
    r.remote_address = "127.0.0.1";
    if (method == "POST") r.headers.push_back({"Content-Type", content_type});
    std::string cookie_header;
    for (const auto& [name, value] : cookies_)
      cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie_header.empty()) r.headers.push_back({"Cookie", cookie_header});
    Response response = site_.handle(r);
    for (const Header& h : response.headers) {
      if (h.name != "Set-Cookie") continue;
      const size_t eq = h.value.find('=');
      const size_t end = h.value.find(';');
      const std::string name = h.value.substr(0, eq);
      const std::string value = h.value.substr(eq + 1, end - eq - 1);
      if (value.empty() || h.value.find("Max-Age=0") != std::string::npos) {
        cookies_.erase(name);
      } else {
        cookies_[name] = value;
      }
    }
    return response;
  }

  Response sign_in(const std::string& username, const std::string& password = kBrowserTestPassword) {
    const Response page = get("/sign-in");
    FormData form;
    form.set("signin_token", hidden_value(page.body, "signin_token"));
    form.set("username", username);
    form.set("password", password);
    return post("/sign-in", form);
  }

  // The value of the first hidden field with this name (as written, without decoding entities).
  static std::string hidden_value(const std::string& html, const std::string& name) {
    const std::string marker = "name=\"" + name + "\" value=\"";
    const size_t start = html.find(marker);
    if (start == std::string::npos) return "";
    const size_t begin = start + marker.size();
    return html.substr(begin, html.find('"', begin) - begin);
  }

  // Every hidden field of the page, in order, with their values decoded as a browser would.
  static FormData hidden_fields(const std::string& html) {
    FormData out;
    const std::string marker = "<input type=\"hidden\" name=\"";
    for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
      const size_t name_begin = at + marker.size();
      const size_t name_end = html.find('"', name_begin);
      const std::string value_marker = "\" value=\"";
      if (html.compare(name_end, value_marker.size(), value_marker) != 0) continue;
      const size_t value_begin = name_end + value_marker.size();
      const size_t value_end = html.find('"', value_begin);
      out.add(unescape(html.substr(name_begin, name_end - name_begin)),
              unescape(html.substr(value_begin, value_end - value_begin)));
    }
    return out;
  }

  static std::string unescape(const std::string& text) {
    static const std::pair<const char*, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    for (size_t i = 0; i < text.size();) {
      bool replaced = false;
      for (const auto& [entity, ch] : kEntities) {
        const std::string e(entity);
        if (text.compare(i, e.size(), e) == 0) {
          out += ch;
          i += e.size();
          replaced = true;
          break;
        }
      }
      if (!replaced) out += text[i++];
    }
    return out;
  }

  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  Site& site_;
  std::map<std::string, std::string> cookies_;
};

inline std::string header(const Response& r, const std::string& name) {
  for (const Header& h : r.headers) {
    if (h.name == name) return h.value;
  }
  return "";
}

}  // namespace safeguard::web
