"""Providers that talk to an OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp's server)."""
