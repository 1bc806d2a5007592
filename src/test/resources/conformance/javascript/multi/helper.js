exports.answer = () => 6 * 7;
