-- One request against its quotas, atomically: admitted only if every quota admitted fewer than its limit in the
-- last window, and then counted in all of them. Time is the Redis server's, one clock for every gateway replica.
-- KEYS: the quotas' sorted sets of admission times (microseconds). ARGV[1]: window (microseconds); ARGV[2]: this
-- request's unique member; ARGV[3..]: each key's limit. Answers {admitted, now, count1, reset1, count2, reset2,
-- ...}: the decision's time, counts after the decision, resets in microseconds until that quota admits one more.
redis.replicate_commands()
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[1])
local counts = {}
local admitted = 1
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%d', now - window))
  counts[i] = redis.call('ZCARD', key)
  if counts[i] >= tonumber(ARGV[i + 2]) then
    admitted = 0
  end
end
local answer = {admitted, now}
for i, key in ipairs(KEYS) do
  if admitted == 1 then
    redis.call('ZADD', key, string.format('%d', now), ARGV[2])
    redis.call('PEXPIRE', key, math.ceil(window / 1000))
    counts[i] = counts[i] + 1
  end
  local reset = 0
  if counts[i] > 0 then
    local index = math.max(0, counts[i] - tonumber(ARGV[i + 2]))
    local entry = redis.call('ZRANGE', key, index, index, 'WITHSCORES')
    reset = tonumber(entry[2]) + window - now
  end
  answer[#answer + 1] = counts[i]
  answer[#answer + 1] = reset
end
return answer
