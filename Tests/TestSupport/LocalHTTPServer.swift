import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for podread's fetching tests. It
/// serves fixed routes and a folder of files (with `ETag` and
/// `Last-Modified`, answering 304 to a conditional request), keeps a log of
/// the requests it saw, and can misbehave on purpose: never answer, send
/// forever, redirect in a loop.
public final class LocalHTTPServer: @unchecked Sendable {
    public enum Response: Sendable {
        case ok(String, type: String = "text/plain")
        case status(Int)
        case redirect(String)
        /// A permanent redirect (301).
        case moved(String)
        /// Accepts the request and never answers.
        case silent
        /// Sends a body that never ends (bounded to 30 s so a test can never hang).
        case endless
    }

    public let port: UInt16
    private let listener: Int32
    private var routes: [String: Response]
    private let folder: URL?
    private let lock = NSLock()
    private var stopped = false
    private var log: [(path: String, status: Int)] = []

    public var base: String { "http://127.0.0.1:\(port)" }

    /// How long each file of the folder takes to come (a slow host).
    public var fileDelay: TimeInterval {
        get { lock.lock(); defer { lock.unlock() }; return delay }
        set { lock.lock(); delay = newValue; lock.unlock() }
    }
    private var delay: TimeInterval = 0

    /// The requests seen so far: path and the status answered.
    public var requests: [(path: String, status: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// Changes or adds a route while the server runs.
    public func route(_ path: String, _ response: Response?) {
        lock.lock()
        routes[path] = response
        lock.unlock()
    }

    public init(routes: [String: Response] = [:], folder: URL? = nil) throws {
        self.folder = folder
        // Requests to this server must never go through a proxy.
        setenv("no_proxy", "127.0.0.1,localhost", 1)
        setenv("NO_PROXY", "127.0.0.1,localhost", 1)
        self.routes = routes
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops listening; once only (a second close could close a descriptor
    /// that something else has opened since).
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in handle(client) }
            thread.start()
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            request += buffer[0..<count]
            // A TLS ClientHello (record type 0x16): answer with plain text,
            // as a misconfigured server would, and hang up.
            if request.first == 0x16 {
                send(client, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nthis server does not speak TLS\n")
                return
            }
        }
        let head = String(decoding: request, as: UTF8.self)
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
        let path = line.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        lock.lock()
        let route = routes[path]
        lock.unlock()
        func record(_ status: Int) {
            lock.lock()
            log.append((path, status))
            lock.unlock()
        }
        guard let route else {
            serveFile(path, head: head, client: client, record: record)
            return
        }
        switch route {
        case .ok(let body, let type):
            record(200)
            send(client, "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        case .status(let code):
            record(code)
            send(client, "HTTP/1.1 \(code) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case .redirect(let location):
            record(302)
            send(client, "HTTP/1.1 302 Found\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case .moved(let location):
            record(301)
            send(client, "HTTP/1.1 301 Moved Permanently\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        case .silent:
            record(0)
            let deadline = Date().addingTimeInterval(30)
            while !isStopped && Date() < deadline { usleep(50_000) }
        case .endless:
            record(200)
            send(client, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
            let chunk = String(repeating: "00:00:01 forever\n", count: 4096)
            let deadline = Date().addingTimeInterval(30)
            while !isStopped && Date() < deadline {
                if !send(client, chunk) { return }
            }
        }
    }

    /// A file of the folder, with validators; 304 when the request's match.
    private func serveFile(_ path: String, head: String, client: Int32, record: (Int) -> Void) {
        let wait = fileDelay
        if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
        let relative = String(path.split(separator: "?").first ?? "").removingPercentEncoding ?? path
        guard let folder, !relative.contains(".."),
              let data = FileManager.default.contents(atPath: folder.path + relative),
              let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path + relative) else {
            record(404)
            send(client, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let etag = "\"\(data.count)-\(Int(modified.timeIntervalSince1970 * 1000))\""
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let lastModified = formatter.string(from: modified)
        let headers = head.lowercased()
        if headers.contains("if-none-match: \(etag.lowercased())") {
            record(304)
            send(client, "HTTP/1.1 304 Not Modified\r\nETag: \(etag)\r\nConnection: close\r\n\r\n")
            return
        }
        record(200)
        send(client, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(data.count)\r\nETag: \(etag)\r\nLast-Modified: \(lastModified)\r\nConnection: close\r\n\r\n")
        send(client, data)
    }

    @discardableResult
    private func send(_ client: Int32, _ data: Data) -> Bool {
        let bytes = Array(data)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    private func send(_ client: Int32, _ text: String) -> Bool {
        send(client, Data(text.utf8))
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4) where self[index] == 13 && self[index + 1] == 10 && self[index + 2] == 13 && self[index + 3] == 10 {
            return true
        }
        return false
    }
}
