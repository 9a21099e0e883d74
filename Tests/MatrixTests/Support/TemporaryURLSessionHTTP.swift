// TEMPORARY until the transport branch is merged: MatrixHTTP over URLSession.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Adapters

struct TemporaryURLSessionHTTP: MatrixHTTP {
    func send(_ request: MatrixHTTPRequest) async throws -> MatrixHTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = request.timeout ?? 30
        let (data, response) = try await URLSession.shared.data(for: urlRequest)
        let http = response as? HTTPURLResponse
        let retryAfter = (http?.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
        return MatrixHTTPResponse(status: http?.statusCode ?? 0, body: data, retryAfter: retryAfter)
    }
}
