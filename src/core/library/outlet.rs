//! The outlet an article comes from, named from its URL's host: the corpus outlets by their
//! short names, any other site by its host.

/// Host suffixes of the outlets the corpus holds and the names the library shows. A host
/// matches its suffix exactly or as a subdomain (`cn.nytimes.com` is NYT).
const OUTLETS: [(&str, &str); 12] = [
    ("dw.com", "DW"),
    ("voanews.com", "VOA"),
    ("voachinese.com", "VOA"),
    ("bbc.com", "BBC"),
    ("bbc.co.uk", "BBC"),
    ("nytimes.com", "NYT"),
    ("rfi.fr", "RFI"),
    ("rfa.org", "RFA"),
    ("chinadigitaltimes.net", "CDT"),
    ("ft.com", "FT"),
    ("ftchinese.com", "FT"),
    ("reuters.com", "Reuters"),
];

/// The outlet of an article at `url`: a corpus outlet's short name, else the URL's host
/// without `www.`; empty for an article without a URL or host.
pub fn outlet_of(url: Option<&str>) -> String {
    let Some(host) = url.and_then(host_of) else {
        return String::new();
    };
    let host = host.strip_prefix("www.").unwrap_or(&host);
    for (suffix, name) in OUTLETS {
        let subdomain = host
            .strip_suffix(suffix)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'));
        if subdomain {
            return name.to_string();
        }
    }
    host.to_string()
}

/// The lowercase host of an absolute URL (without user info, port or a trailing dot).
/// Article URLs were checked and normalised when parsed; this only takes them apart.
fn host_of(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    // An IPv6 literal keeps its colons; otherwise what follows the last colon is the port.
    let host = match host.rfind(':') {
        Some(at) if !host.ends_with(']') => &host[..at],
        _ => host,
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}
