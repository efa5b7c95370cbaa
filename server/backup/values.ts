import neo4j, { Date as Neo4jDate, DateTime, Duration, Integer, LocalDateTime, LocalTime, Time } from 'neo4j-driver';

/**
 * Property values as JSON that keeps what JSON alone would lose: whether a number is a Cypher INTEGER or
 * FLOAT (JSON has one kind of number, and an integer past 2^53 loses digits), and temporal values to the
 * nanosecond with their offset or zone. Tagged values are objects with one `$`-key; a property value is
 * never an object otherwise (Neo4j stores no maps), so the tags cannot be mistaken for data.
 *
 * Read with lossless integers (see createDriver), so that integers arrive as Integer and floats as number.
 */
export type EncodedValue = null | boolean | string | number | EncodedValue[] | { [tag: `$${string}`]: unknown };

export function encodeValue(value: unknown): EncodedValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (neo4j.isInt(value)) return { $int: (value as Integer).toString() };
  if (neo4j.isDate(value)) {
    const v = value as Neo4jDate;
    return { $date: fields(v.year, v.month, v.day) };
  }
  if (neo4j.isDateTime(value)) {
    const v = value as DateTime;
    return { $datetime: [...fields(v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond), v.timeZoneOffsetSeconds == null ? null : Number(v.timeZoneOffsetSeconds), v.timeZoneId ?? null] };
  }
  if (neo4j.isLocalDateTime(value)) {
    const v = value as LocalDateTime;
    return { $localdatetime: fields(v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond) };
  }
  if (neo4j.isTime(value)) {
    const v = value as Time;
    return { $time: [...fields(v.hour, v.minute, v.second, v.nanosecond), Number(v.timeZoneOffsetSeconds)] };
  }
  if (neo4j.isLocalTime(value)) {
    const v = value as LocalTime;
    return { $localtime: fields(v.hour, v.minute, v.second, v.nanosecond) };
  }
  if (neo4j.isDuration(value)) {
    const v = value as Duration;
    return { $duration: fields(v.months, v.days, v.seconds, v.nanoseconds) };
  }
  // Points and byte arrays: the service writes none. Refusing keeps a backup from dropping one silently.
  throw new Error(`a property value of a kind the backup does not know: ${Object.prototype.toString.call(value)}`);
}

export function decodeValue(value: EncodedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const [[tag, raw]] = Object.entries(value) as [[string, unknown]];
  const n = raw as number[];
  switch (tag) {
    case '$int':
      return neo4j.int(raw as string);
    case '$float':
      return Number(raw);
    case '$date':
      return new Neo4jDate(n[0]!, n[1]!, n[2]!);
    case '$datetime': {
      const [offset, zone] = [n[7] as number | null, n[8] as unknown as string | null];
      // A zoned value is sent with its zone alone: the offset follows from it.
      return new DateTime(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, n[6]!, zone ? undefined : (offset ?? undefined), zone ?? undefined);
    }
    case '$localdatetime':
      return new LocalDateTime(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, n[6]!);
    case '$time':
      return new Time(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!);
    case '$localtime':
      return new LocalTime(n[0]!, n[1]!, n[2]!, n[3]!);
    case '$duration':
      return new Duration(n[0]!, n[1]!, n[2]!, n[3]!);
    default:
      throw new Error(`an unknown value tag in the backup: ${tag}`);
  }
}

export function encodeProperties(properties: Record<string, unknown>): Record<string, EncodedValue> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, encodeValue(value)]));
}

export function decodeProperties(properties: Record<string, EncodedValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, decodeValue(value)]));
}

/** Temporal fields arrive as Integer or number depending on the driver's settings; all fit in a number. */
function fields(...values: (Integer | number)[]): number[] {
  return values.map((value) => Number(value));
}
