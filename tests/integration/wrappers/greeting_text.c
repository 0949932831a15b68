const char* greeting_text(void) { return "hello from two objects"; }
