#include "gallery/html.h"

#include <algorithm>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace vexil::gallery {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

constexpr const char* kStyle = R"(
:root { --ink: #1d1d3b; --muted: #5b5b73; --line: #e3e3ea; --paper: #f7f7fa; --accent: #c8102e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header { padding: 28px 32px 12px; display: flex; flex-wrap: wrap; gap: 16px; align-items: end; justify-content: space-between; }
h1 { margin: 0; font-size: 26px; letter-spacing: -0.01em; }
h1 small { font-weight: 400; color: var(--muted); font-size: 15px; margin-left: 8px; }
input[type=search] { font: inherit; padding: 9px 14px; width: min(360px, 100%); border: 1px solid var(--line); border-radius: 8px; background: #fff; }
h2 { font-size: 14px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 24px 32px 8px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 18px; padding: 0 32px 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow: hidden; display: flex; flex-direction: column; }
.card .flag { display: flex; align-items: center; justify-content: center; height: 170px; padding: 14px; background: #eef0f4; }
.card img { max-width: 100%; max-height: 100%; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
.card .text { padding: 10px 14px 12px; display: flex; flex-direction: column; gap: 4px; flex: 1; }
.card h3 { margin: 0; font-size: 16px; }
.card .meta { color: var(--muted); font-size: 13px; }
.card .source { color: var(--muted); font-size: 12px; flex: 1; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
.card .links { display: flex; gap: 10px; font-size: 13px; }
.card .links a { color: var(--accent); text-decoration: none; font-weight: 600; }
.card.failed .flag { background: #fdecee; color: var(--accent); font-size: 13px; padding: 12px; text-align: left; white-space: pre-wrap; }
.hidden { display: none !important; }
footer { color: var(--muted); font-size: 12px; padding: 24px 32px 40px; }
)";

// Filters cards as the search box changes (and from ?q= on load), and records in data attributes
// how many cards show and how many images loaded, so a browser test can read them from the DOM.
constexpr const char* kScript = R"(
(function () {
  var box = document.getElementById('search');
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  function filter() {
    var q = box.value.trim().toLowerCase(), shown = 0;
    cards.forEach(function (card) {
      var hit = !q || card.getAttribute('data-search').indexOf(q) >= 0;
      card.classList.toggle('hidden', !hit);
      if (hit) shown++;
    });
    document.querySelectorAll('section').forEach(function (section) {
      section.classList.toggle('hidden', !section.querySelector('.card:not(.hidden)'));
    });
    document.body.setAttribute('data-shown', String(shown));
  }
  box.addEventListener('input', filter);
  var q = new URLSearchParams(location.search).get('q');
  if (q) box.value = q;
  filter();
  function count() {
    var images = Array.prototype.slice.call(document.images), loaded = 0, broken = 0;
    images.forEach(function (img) { if (img.complete) { if (img.naturalWidth > 0) loaded++; else broken++; } });
    document.body.setAttribute('data-images', String(images.length));
    document.body.setAttribute('data-loaded', String(loaded));
    document.body.setAttribute('data-broken', String(broken));
  }
  window.addEventListener('load', count);
  count();
})();
)";

/// A path for an href or src: unreserved characters and '/' as they are, the rest percent-encoded
/// (a design named "#1" or "what?" must still link to its files).
std::string url(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::string ratio_text(double width, double height) {
    for (int h = 1; h <= 64; ++h) { // 28:37 (Denmark) and 10:19 (the US) need more than a dozen
        const double w = width / height * h;
        if (std::abs(w - std::round(w)) < 1e-6 * w)
            return std::to_string(h) + ":" + std::to_string(static_cast<long>(std::round(w)));
    }
    char text[32];
    std::snprintf(text, sizeof text, "1:%.3g", width / height);
    return text;
}

std::string index_html(const std::vector<GalleryEntry>& entries) {
    std::map<std::string, std::vector<const GalleryEntry*>> groups;
    for (const auto& entry : entries)
        groups[entry.group].push_back(&entry);
    const auto failed_count =
        static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [](const auto& e) {
            return !e.errors.empty() || !e.io_error.empty();
        }));
    const std::size_t drawn = entries.size() - failed_count;
    std::ostringstream html;
    html << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>vexil gallery</title>\n<style>"
         << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>Flags<small>" << drawn
         << (drawn == 1 ? " design" : " designs") << ", drawn by vexil"
         << (failed_count > 0 ? "; " + std::to_string(failed_count) + " could not be drawn" : std::string())
         << "</small></h1>\n"
            "<input type=\"search\" id=\"search\" placeholder=\"Search by name, author or source\" "
            "aria-label=\"Search the designs\">\n</header>\n";
    for (const auto& [group, members] : groups) {
        html << "<section>\n<h2>" << escape(group.empty() ? "Designs" : group)
             << "</h2>\n<div class=\"grid\">\n";
        for (const GalleryEntry* e : members) {
            const std::string search = e->name + " " + e->title + " " + e->author + " " + e->source;
            std::string lower;
            for (char c : search)
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const bool failed = !e->errors.empty() || !e->io_error.empty();
            html << "<article class=\"card" << (failed ? " failed" : "") << "\" data-search=\""
                 << escape(lower) << "\">\n";
            if (failed) {
                html << "<div class=\"flag\">";
                for (const auto& d : e->errors)
                    html << escape(format_diagnostic(d)) << "\n";
                html << escape(e->io_error) << "</div>\n";
            } else {
                html << "<a class=\"flag\" href=\"" << escape(url(e->name)) << ".svg\"><img src=\""
                     << escape(url(e->name)) << "-thumb.png\" alt=\"" << escape(e->title)
                     << "\" loading=\"lazy\"></a>\n";
            }
            html << "<div class=\"text\"><h3>" << escape(e->title.empty() ? e->name : e->title) << "</h3>\n";
            // A design that failed has no size to tell: its ratio would be a default's, not its own.
            html << "<div class=\"meta\">"
                 << (failed ? "not drawn" : escape(ratio_text(e->width, e->height)));
            if (!e->author.empty()) html << " · " << escape(e->author);
            html << "</div>\n<div class=\"source\" title=\"" << escape(e->source) << "\">"
                 << escape(e->source) << "</div>\n";
            if (!failed)
                html << "<div class=\"links\"><a href=\"" << escape(url(e->name))
                     << ".svg\">SVG</a><a href=\"" << escape(url(e->name)) << ".png\">PNG</a><a href=\""
                     << escape(url(e->name)) << ".pdf\">PDF</a><a href=\"" << escape(url(e->name))
                     << "-sheet.svg\">Sheet</a></div>\n";
            html << "</div>\n</article>\n";
        }
        html << "</div>\n</section>\n";
    }
    html << "<footer>Made with vexil · every flag is a TOML design; the catalogue of all of them is "
            "<a href=\"catalogue.pdf\">catalogue.pdf</a>.</footer>\n<script>"
         << kScript << "</script>\n</body>\n</html>\n";
    return html.str();
}

} // namespace vexil::gallery
