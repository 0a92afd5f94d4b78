import Testing
@testable import Themes

/// The optimiser behind training: it must reach the minimum of objectives whose minimum is known.
@Suite struct LBFGSTests {
    @Test func findsTheMinimumOfAQuadratic() {
        // f = (x - 3)² + 10 (y + 1)²: minimum at (3, -1).
        let x = LBFGS.minimize(from: [0, 0], iterations: 100) { v, g in
            g[0] = 2 * (v[0] - 3)
            g[1] = 20 * (v[1] + 1)
            return (v[0] - 3) * (v[0] - 3) + 10 * (v[1] + 1) * (v[1] + 1)
        }
        #expect(abs(x[0] - 3) < 1e-5 && abs(x[1] + 1) < 1e-5)
    }

    @Test func findsTheMinimumOfRosenbrock() {
        // f = (1 - x)² + 100 (y - x²)²: a curved valley, minimum at (1, 1).
        let x = LBFGS.minimize(from: [-1.2, 1], iterations: 500, tolerance: 1e-9) { v, g in
            let (a, b) = (1 - v[0], v[1] - v[0] * v[0])
            g[0] = -2 * a - 400 * v[0] * b
            g[1] = 200 * b
            return a * a + 100 * b * b
        }
        #expect(abs(x[0] - 1) < 1e-4 && abs(x[1] - 1) < 1e-4)
    }

    @Test func stopsAtOnceWhenStartingAtTheMinimum() {
        var calls = 0
        let x = LBFGS.minimize(from: [2], iterations: 100) { v, g in
            calls += 1
            g[0] = 2 * (v[0] - 2)
            return (v[0] - 2) * (v[0] - 2)
        }
        #expect(x == [2] && calls == 1)
    }
}
