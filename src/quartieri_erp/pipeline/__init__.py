"""The build pipeline: parameters -> validation -> shared indicators -> chapters on warm kernels (content-hash cache) -> render -> publish. See docs/architecture.md."""
