// Static files: govuk-frontend's CSS, JavaScript, fonts and images from node_modules, and
// Safeguard's own small script and stylesheet, built in so the binary needs nothing else.
//
// The script does two things, both optional (every page works without it): it starts the GOV.UK
// components, and on forms marked data-draft-key it saves what the worker types as a draft a
// second after they stop typing, so a closed browser or a lost connection loses nothing.
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "web/page_context.h"

namespace safeguard::web {
namespace {

constexpr const char* kJsEnabled =
    "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? "
    "' govuk-frontend-supported' : '');\n";

constexpr const char* kScript = R"JS(import { initAll } from '/static/govuk-frontend.min.js';
initAll();

// Drafts: what a worker types is kept on the server as they type, per form.
for (const form of document.querySelectorAll('form[data-draft-key]')) {
  const status = form.querySelector('.sg-draft-status');
  const token = form.querySelector('input[name=csrf_token]');
  let timer = null;
  let pending = false;
  const body = () => {
    const fields = new URLSearchParams(new FormData(form));
    fields.delete('csrf_token');
    const out = new URLSearchParams();
    out.set('csrf_token', token ? token.value : '');
    out.set('form_key', form.dataset.draftKey);
    out.set('data', fields.toString());
    return out;
  };
  const save = async () => {
    timer = null;
    pending = false;
    try {
      const response = await fetch('/drafts', { method: 'POST', body: body(), credentials: 'same-origin' });
      if (status) {
        status.textContent = response.ok
          ? 'Draft saved at ' + new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
          : 'Your draft could not be saved: sign in again, what you typed is kept on this page';
      }
    } catch (e) {
      if (status) status.textContent = 'Your draft could not be saved (no connection)';
    }
  };
  form.addEventListener('input', () => {
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1000);
  });
  form.addEventListener('submit', () => { if (timer) clearTimeout(timer); pending = false; });
  // Leaving the page with unsaved typing: send it anyway.
  window.addEventListener('pagehide', () => {
    if (pending) navigator.sendBeacon('/drafts', body());
  });
}
)JS";

constexpr const char* kStyles = R"CSS(.sg-council-name { font-weight: 400; }
.govuk-generic-header__container { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; }
.sg-signed-in { color: #ffffff; font-family: "GDS Transport", arial, sans-serif; font-size: 1rem; }
.sg-signed-in__role { opacity: 0.85; margin-right: 10px; }
.sg-sign-out { display: inline; }
.sg-link-button { background: none; border: 0; padding: 0; color: #ffffff; text-decoration: underline; cursor: pointer; font: inherit; }
.sg-link-button:focus { outline: 3px solid transparent; background-color: #ffdd00; color: #0b0c0c; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
.sg-draft-status { color: #505a5f; min-height: 1.5em; }
.sg-match-reasons { color: #505a5f; }
.sg-chronology-reason { display: block; color: #505a5f; }
/* The front door */
.sg-secondary { color: #505a5f; }
.sg-nowrap { white-space: nowrap; }
.sg-words { white-space: pre-wrap; overflow-wrap: anywhere; }
.sg-actions { margin-bottom: 20px; }
.sg-filters { background: #f3f2f1; padding: 15px 15px 0; margin-bottom: 30px; }
.sg-filters__actions { padding-top: 30px; }
.sg-queue .sg-overdue { box-shadow: inset 5px 0 0 #d4351c; }
.sg-queue .sg-overdue > th { padding-left: 12px; }
.sg-find { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 15px; }
.sg-find .govuk-form-group { margin-bottom: 20px; }
.sg-find .govuk-button { margin-bottom: 20px; }
.sg-small-button { margin-bottom: 0; padding: 4px 8px; font-size: 1rem; }
.sg-row-error { border-left: 5px solid #d4351c; }
.sg-likely-matches { border-left: 5px solid #f47738; padding-left: 15px; margin-bottom: 30px; }
.sg-child { border-top: 2px solid #b1b4b6; padding-top: 20px; margin-top: 30px; }
.sg-contents { margin-bottom: 30px; }
.sg-figure { border-top: 5px solid #1d70b8; padding-top: 10px; margin-bottom: 30px; }
.sg-figure__value { font-family: "GDS Transport", arial, sans-serif; font-weight: 700; font-size: 2.25rem; margin: 0; }
.sg-figure__label { font-family: "GDS Transport", arial, sans-serif; font-weight: 700; font-size: 1.1875rem; margin: 0 0 5px; }
.sg-chart-table .govuk-table__cell:last-child, .sg-chart-table .govuk-table__header:last-child { width: 35%; }
.sg-bar { display: inline-block; height: 1.25em; background: #1d70b8; vertical-align: middle; }
.sg-bar-0 { width: 0%; }
.sg-bar-1 { width: 1%; }
.sg-bar-5 { width: 5%; }
.sg-bar-10 { width: 10%; }
.sg-bar-15 { width: 15%; }
.sg-bar-20 { width: 20%; }
.sg-bar-25 { width: 25%; }
.sg-bar-30 { width: 30%; }
.sg-bar-35 { width: 35%; }
.sg-bar-40 { width: 40%; }
.sg-bar-45 { width: 45%; }
.sg-bar-50 { width: 50%; }
.sg-bar-55 { width: 55%; }
.sg-bar-60 { width: 60%; }
.sg-bar-65 { width: 65%; }
.sg-bar-70 { width: 70%; }
.sg-bar-75 { width: 75%; }
.sg-bar-80 { width: 80%; }
.sg-bar-85 { width: 85%; }
.sg-bar-90 { width: 90%; }
.sg-bar-95 { width: 95%; }
.sg-bar-100 { width: 100%; }
)CSS";

std::string content_type_of(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/manifest+json";
  if (ext == ".map") return "application/json";
  return "application/octet-stream";
}

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.size() > 200 || path.front() == '/') return false;
  for (const char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == '_' || c == '/';
    if (!ok) return false;
  }
  return path.find("..") == std::string_view::npos;
}

Response built_in(const char* body, const char* type) {
  Response r = Response::text(200, body, type);
  r.set_header("Cache-Control", "no-cache");
  return r;
}

// Files read once and kept: a few hundred kilobytes in all.
std::optional<std::string> read_cached(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  std::lock_guard lock(mutex);
  const std::string key = path.string();
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return cache[key] = content.str();
}

}  // namespace

std::optional<Response> static_file(const Request& request, const SiteOptions& options) {
  const std::string& path = request.path;
  if (path == "/static/js-enabled.js") return built_in(kJsEnabled, "text/javascript; charset=utf-8");
  if (path == "/static/safeguard.js") return built_in(kScript, "text/javascript; charset=utf-8");
  if (path == "/static/safeguard.css") return built_in(kStyles, "text/css; charset=utf-8");
  std::filesystem::path file;
  if (path == "/static/govuk-frontend.min.css" || path == "/static/govuk-frontend.min.js") {
    file = std::filesystem::path(options.assets_dir) / path.substr(std::string("/static/").size());
  } else if (path.starts_with("/assets/") && is_safe_relative_path(path.substr(8))) {
    file = std::filesystem::path(options.assets_dir) / "assets" / path.substr(8);
  } else if (path == "/favicon.ico") {
    file = std::filesystem::path(options.assets_dir) / "assets/images/favicon.ico";
  } else {
    return std::nullopt;
  }
  if (options.assets_dir.empty()) return Response::text(404, "Not found");
  auto content = read_cached(file);
  if (!content) return Response::text(404, "Not found");
  Response r;
  r.status = 200;
  r.body = std::move(*content);
  r.set_header("Content-Type", content_type_of(file));
  r.set_header("Cache-Control", "public, max-age=86400");
  return r;
}

std::string find_assets_dir(const std::string& configured, const std::string& executable_path) {
  namespace fs = std::filesystem;
  const auto usable = [](const fs::path& p) { return fs::exists(p / "govuk-frontend.min.css"); };
  if (!configured.empty()) return usable(configured) ? configured : "";
  std::vector<fs::path> candidates = {fs::current_path() / "node_modules/govuk-frontend/dist/govuk"};
  std::error_code ec;
  fs::path exe = fs::weakly_canonical(executable_path, ec);
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    candidates.push_back(dir / "node_modules/govuk-frontend/dist/govuk");
  }
  for (const fs::path& candidate : candidates) {
    if (usable(candidate)) return candidate.string();
  }
  return "";
}

}  // namespace safeguard::web
