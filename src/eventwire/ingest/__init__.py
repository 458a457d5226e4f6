"""Sources: turn files, directories, JSONL dumps and stdin into RawItems."""
from .readers import read_inputs, read_jsonl_lines, decode_bytes

__all__ = ["read_inputs", "read_jsonl_lines", "decode_bytes"]
