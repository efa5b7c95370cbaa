type NumberArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** The same values in an array of `length` (longer), the rest zero: for the rows a catch-up adds. */
export function grown<T extends NumberArray>(array: T, length: number): T {
  if (array.length >= length) return array;
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}
