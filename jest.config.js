const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { decoratorMetadata: true },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.demo/"],
  setupFiles: ["./integration-tests/setup.js"],
}

// scripts/test.js runs the kinds one after another, each with its own TEST_TYPE.
if (process.env.TEST_TYPE === "integration:http" || process.env.TEST_TYPE === "integration:security") {
  // The adversarial suite (integration-tests/security) is its own kind: one jest process each,
  // so neither accumulates every suite's app on its heap.
  module.exports.testMatch =
    process.env.TEST_TYPE === "integration:http"
      ? ["**/integration-tests/http/**/*.spec.[jt]s"]
      : ["**/integration-tests/security/**/*.spec.[jt]s"]
  // Drains the app after each test and fails a test on any error it logged (see the file).
  module.exports.setupFilesAfterEnv = ["./integration-tests/setup-http.ts"]
} else if (process.env.TEST_TYPE === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
  module.exports.testPathIgnorePatterns = ["\\.unit\\.spec\\."]
} else if (process.env.TEST_TYPE === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "cluster") {
  // Two servers and a worker on Redis, from a production build (npm run test:cluster).
  module.exports.testMatch = ["**/integration-tests/cluster/**/*.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "browser") {
  // Headless Chromium against `medusa start` with the built admin (integration-tests/browser).
  module.exports.testMatch = ["**/integration-tests/browser/**/*.spec.[jt]s"]
}
