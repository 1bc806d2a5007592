local M = {}
function M.answer() return 6 * 7 end
return M
