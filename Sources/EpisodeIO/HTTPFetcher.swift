import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches transcripts, chapters and feeds over HTTP(S), within bounds: a
/// time limit, a size cap, and a limited number of redirects. The usual
/// proxy variables (`http_proxy`, `https_proxy`, `no_proxy`) are honoured by
/// the system's HTTP stack.
public struct HTTPFetcher: Sendable {
    public var timeout: TimeInterval
    public var maximumBytes: Int
    public var maximumRedirects: Int

    public init(timeout: TimeInterval = 10, maximumBytes: Int = 50 * 1024 * 1024, maximumRedirects: Int = 5) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }

    /// The body of `url`, or a `LoadError` that says what went wrong.
    public func fetch(_ url: URL) throws(LoadError) -> [UInt8] {
        try fetch(url, validators: nil).body
    }

    /// What a server answered: the body (empty for 304), the validators to
    /// send next time, and where a permanent redirect (301, 308) moved it.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var validators: Validators
        public var movedTo: URL?
        public var notModified: Bool { status == 304 }
    }

    /// `ETag` and `Last-Modified` as a server gave them, for a conditional request.
    public struct Validators: Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?
        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
        public var isEmpty: Bool { etag == nil && lastModified == nil }
    }

    /// A conditional request: with validators, an unchanged document
    /// answers 304 and costs no body.
    public func fetch(_ url: URL, validators: Validators?) throws(LoadError) -> Response {
        let state = FetchState(limit: maximumBytes, redirects: maximumRedirects)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: state, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("podread/0.1", forHTTPHeaderField: "User-Agent")
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let date = validators?.lastModified { request.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        task.resume()
        // The session's own timeout should end the task; this is the backstop.
        let waited = state.done.wait(timeout: .now() + timeout + 2)
        task.cancel()
        if waited == .timedOut {
            throw LoadError(path: url.absoluteString, problem: "no answer within \(Int(timeout)) s")
        }
        return try state.result(for: url, timeout: timeout)
    }
}

/// Collects one response; the delegate enforces the size cap and redirect limit.
private final class FetchState: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let limit: Int
    private let redirectLimit: Int
    private var redirects = 0
    private var body: [UInt8] = []
    private var status = 0
    private var headers: [String: String] = [:]
    /// Where the first hop of a chain of permanent redirects led.
    private var movedTo: URL?
    private var temporaryHop = false
    private var problem: String?
    private var failure: Error?
    private var finished = false

    init(limit: Int, redirects: Int) {
        self.limit = limit
        self.redirectLimit = redirects
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirects += 1
        // Only a chain of permanent redirects moves a feed for good.
        if response.statusCode == 301 || response.statusCode == 308, !temporaryHop, let target = request.url {
            movedTo = target
        } else {
            temporaryHop = true
            movedTo = nil
        }
        let allowed = redirects <= redirectLimit
        if !allowed { problem = "more than \(redirectLimit) redirects" }
        lock.unlock()
        if allowed {
            completionHandler(request)
        } else {
            completionHandler(nil)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        status = (response as? HTTPURLResponse)?.statusCode ?? 0
        for (name, value) in (response as? HTTPURLResponse)?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let tooLarge = response.expectedContentLength > Int64(limit)
        if tooLarge { problem = "larger than \(Self.size(limit))" }
        lock.unlock()
        completionHandler(tooLarge ? .cancel : .allow)
        if tooLarge { finish() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        if finished {
            lock.unlock()
            return
        }
        body.append(contentsOf: data)
        let tooLarge = body.count > limit
        if tooLarge { problem = "larger than \(Self.size(limit))" }
        lock.unlock()
        // Cancelling from inside a delegate callback can stall the session on
        // Linux; the caller cancels once it is woken.
        if tooLarge { finish() }
    }

    /// Wakes the waiting caller once, whether the task completed or we ended it.
    private func finish() {
        lock.lock()
        let first = !finished
        finished = true
        lock.unlock()
        if first { done.signal() }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes / 1024) KB"
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        failure = error
        lock.unlock()
        finish()
    }

    func result(for url: URL, timeout: TimeInterval) throws(LoadError) -> HTTPFetcher.Response {
        lock.lock()
        defer { lock.unlock() }
        let name = url.absoluteString
        if let problem { throw LoadError(path: name, problem: problem) }
        if let failure {
            let code = (failure as NSError).code
            switch code {
            case NSURLErrorTimedOut: throw LoadError(path: name, problem: "no answer within \(Int(timeout)) s")
            case NSURLErrorHTTPTooManyRedirects: throw LoadError(path: name, problem: "too many redirects")
            case NSURLErrorCannotConnectToHost: throw LoadError(path: name, problem: "connection refused")
            case NSURLErrorCannotFindHost: throw LoadError(path: name, problem: "unknown host")
            case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
                 NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
                 NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorClientCertificateRejected:
                throw LoadError(path: name, problem: "the secure (TLS) connection failed")
            case NSURLErrorNetworkConnectionLost: throw LoadError(path: name, problem: "the connection was lost")
            case NSURLErrorNotConnectedToInternet: throw LoadError(path: name, problem: "no network")
            case NSURLErrorBadURL, NSURLErrorUnsupportedURL: throw LoadError(path: name, problem: "not a web address podread can fetch")
            default: throw LoadError(path: name, problem: "the download failed (network error \(code))")
            }
        }
        guard (200..<300).contains(status) || status == 304 else {
            throw LoadError(path: name, problem: "the server answered HTTP \(status)")
        }
        return HTTPFetcher.Response(status: status, body: status == 304 ? [] : body,
                                    validators: HTTPFetcher.Validators(etag: headers["etag"], lastModified: headers["last-modified"]),
                                    movedTo: movedTo)
    }
}
